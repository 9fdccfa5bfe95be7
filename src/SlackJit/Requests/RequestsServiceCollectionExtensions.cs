using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Hosting;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

internal static class RequestsServiceCollectionExtensions
{
    /// <summary>The requester's and approvers' side: <c>/s3-access</c>, the request form, the approval card and its buttons.</summary>
    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Every catalog entry must have a channel for its cards; checked with the other settings at start-up.
        services.AddSingleton<IValidateOptions<AccessOptions>, ApproverChannelValidator>();

        // Slack lookups with short caches (they sit on the 3 s path), the card, and the use cases.
        services.AddSingleton<RequesterLookup>();
        services.AddSingleton<ApproverLookup>();
        // Cards that cannot be posted show up on /readyz until a post to that channel works again.
        services.TryAddSingleton<ReadinessWarnings>();
        services.AddSingleton<ApprovalCards>();
        services.AddSingleton<IApprovalCards>(sp => sp.GetRequiredService<ApprovalCards>());
        services.AddSingleton<Replies>();
        services.AddSingleton<RequestFollowUps>();
        services.AddSingleton<CreateRequest>();
        services.AddSingleton<DecideRequest>();
        services.AddSingleton<CancelRequest>();

        // What Slack calls: the command, the buttons, the two dialogs.
        services.AddSlashCommandHandler<S3AccessCommandHandler>();
        services.AddBlockActionHandler<ApproveButtonHandler>();
        services.AddBlockActionHandler<DenyButtonHandler>();
        services.AddBlockActionHandler<CancelButtonHandler>();
        services.AddViewSubmissionHandler<NewRequestSubmissionHandler>();
        services.AddViewSubmissionHandler<DenyReasonSubmissionHandler>();
        return builder;
    }
}
