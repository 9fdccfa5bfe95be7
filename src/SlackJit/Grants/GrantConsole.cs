using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Grants;

/// <summary>
/// The console for a live grant, on demand: who may have it and until when is decided here, the link is made at
/// click time (<see cref="IConsoleSignin"/>) and answered only to the requester, in their DM.
/// </summary>
internal sealed class GrantConsole(IConsoleSignin signin, SlackMessenger replies, TimeProvider time, ILogger<GrantConsole> logger)
    : IWorkHandler<OpenConsole>
{
    /// <summary>Why <paramref name="clickerId"/> may not have the console of <paramref name="request"/> now, or null.</summary>
    public string? Refusal(AccessRequest request, string clickerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(clickerId, request.Requester.UserId, StringComparison.Ordinal))
        {
            return "Only the requester can open the AWS console for this grant.";
        }
        if (request.Status != RequestStatus.Active || request.Grant is not { } grant || grant.WindowEnd <= time.GetUtcNow())
        {
            return $"The grant for {request.ShortId} has ended: the AWS console is closed. Ask again with /s3-access.";
        }
        return null;
    }

    /// <summary>Mints a fresh link and answers with it (or with why not). Runs after the ack: STS and the federation endpoint take time.</summary>
    public async Task HandleAsync(OpenConsole work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (request, reply) = (work.Request, work.Reply);
        var windowEnd = request.Grant!.WindowEnd;
        var outcome = await signin.CreateAsync(request, windowEnd, cancellationToken);
        if (outcome.Url is null || !Uri.TryCreate(outcome.Url, UriKind.Absolute, out var url) || url.AbsoluteUri.Length > BlockLimits.ButtonUrl)
        {
            GrantsLog.ConsoleLinkFailed(logger, request.Id, outcome.Error ?? "the link is longer than Slack allows");
            await replies.EphemeralAsync(reply, request.Id,
                (outcome.Error ?? "The console link is longer than Slack allows in a message.") + " The credentials in this message still work.", cancellationToken);
            return;
        }
        var what = Mrkdwn.Escape(request.Resource.Display);
        var blocks = BlockList.ForMessage()
            .Add(Block.Section(
                $"*AWS console* for `{what}`: open it within 15 minutes. It works until your grant ends, {SlackDates.DateAtTime(windowEnd)}, and never after.",
                accessory: Element.Button(GrantActionIds.ConsoleLink, "Open the AWS console", url: url)))
            .Add(Block.Context("Only you can see this link. Do not share it: it signs in as your grant."));
        await replies.EphemeralAsync(reply, request.Id,
            new SlackMessage($"Your AWS console link for {request.ShortId} is ready (open it within 15 minutes).", blocks.ToJsonArray()), cancellationToken);
        GrantsLog.ConsoleLinkSent(logger, request.Id);
    }
}
