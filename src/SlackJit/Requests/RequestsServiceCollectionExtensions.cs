using SlackJit.Cards;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackJit.Lifecycle;
using SlackJit.Requests.Extensions;
using SlackJit.Requests.FollowUps;
using SlackJit.Requests.Reminders;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

internal static class RequestsServiceCollectionExtensions
{
    /// <summary>The requester's and approvers' side: <c>/s3-access</c>, the request form, decisions on the card, due Pending requests.</summary>
    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Slack lookups with short caches (they sit on the 3 s path), and the use cases.
        services.AddSingleton<RequesterLookup>();
        services.AddSingleton<ApproverLookup>();
        services.AddSingleton<RequestFollowUps>();
        services.AddSingleton<RequesterSlots>();
        services.AddSingleton<CreateRequest>();
        services.AddSingleton<DecideRequest>();
        services.AddSingleton<CancelRequest>();
        services.AddSingleton<RequestForm>();

        // After the ack: the follow-ups on the work queue, and what the sweeper finds Pending.
        services.AddWorkHandler<PostCard, FollowUpHandlers>();
        services.AddWorkHandler<ShowDecision, FollowUpHandlers>();
        services.AddWorkHandler<ShowDenial, FollowUpHandlers>();
        services.AddWorkHandler<Reply, FollowUpHandlers>();
        services.AddDueRequestHandler<PendingRequests>();

        // Reminders in the card's thread, escalation and the requester's nudge (docs/REMINDERS.md).
        services.AddSingleton<PendingReminders>();
        services.AddWorkHandler<PostNudge, PostNudgeHandler>();
        services.AddBlockActionHandler<NudgeButtonHandler>();

        // Break-glass grants' review (docs/BREAK-GLASS.md): the card's Acknowledge, and reminders, escalation and the
        // overdue note through the sweeper, whatever the grant's status.
        services.AddAnyStatusDueHandler<BreakGlass.BreakGlassReviewer>();
        services.AddBlockActionHandler<BreakGlass.AcknowledgeButtonHandler>();

        // Asking for more time on a live grant (docs/EXTENSIONS.md): the DM's button and form, the extension card's
        // decisions; Grants issues the fresh credentials when the approval makes the Active request due.
        services.AddSingleton<DecideExtension>();
        services.AddWorkHandler<ShowExtension, ExtensionFollowUps>();
        services.AddBlockActionHandler<ExtendButtonHandler>();
        services.AddBlockActionHandler<ExtensionApproveHandler>();
        services.AddBlockActionHandler<ExtensionDenyHandler>();
        services.AddViewSubmissionHandler<ExtendSubmissionHandler>();

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
