using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// The requester's DM about one request. It is created (and its place stored) before any credentials exist, so
/// credentials are always delivered by editing that one message, never by posting a second one; and it is edited
/// again to remove them when the grant ends (<see cref="GrantDmCleanup"/>).
/// </summary>
internal sealed class GrantDm(ISlackApi slack, SlackMessenger messenger, IAccessRequestStore store, TimeProvider time, ILogger<GrantDm> logger)
{
    /// <summary>
    /// Returns the request with its DM recorded: as it is when it has one, else after posting the "Issuing…"
    /// message and storing its place. Null when the request moved on meanwhile (<paramref name="stillOurs"/> said
    /// no): someone else owns it now. Slack failures throw <see cref="SlackApiException"/>.
    /// </summary>
    public async Task<AccessRequest?> EnsureAsync(AccessRequest request, Func<AccessRequest, bool> stillOurs, CancellationToken cancellationToken)
    {
        if (HasDm(request))
        {
            return request;
        }

        var posted = await messenger.DirectMessageAsync(request.Requester.UserId, GrantNotices.Issuing(request), cancellationToken);
        // Another write may land first (e.g. the card's place); carry on only while the claim is still ours.
        var write = await store.ApplyDecidingAgainAsync(request, current => HasDm(current) || !stillOurs(current)
            ? (TransitionDecision)Refusal.Worded(RefusalReason.WrongStatus, "the request moved while its DM was being recorded")
            : Transitions.WithSlackRefs(current, current.Slack with { DmChannel = posted.Channel, DmTs = posted.Ts }, time.GetUtcNow()), cancellationToken);
        if (write.Applied)
        {
            return write.Current;
        }
        if (write.Status != DecidedWriteStatus.Contended)
        {
            GrantsLog.NotClaimed(logger, request.Id, "the request moved while its DM was being recorded");
        }
        return null;
    }

    /// <summary>Edits the DM to <paramref name="message"/>; false when the request has none. Slack failures throw.</summary>
    public async Task<bool> ShowAsync(AccessRequest request, SlackMessage message, CancellationToken cancellationToken)
    {
        if (RequesterDm.Of(request) is not { } dm)
        {
            return false;
        }
        await slack.UpdateMessageAsync(dm, message, cancellationToken);
        return true;
    }

    /// <summary>Edits the DM to the closing notice of <paramref name="closed"/>; false when it has none. Slack failures throw.</summary>
    public Task<bool> ShowClosedAsync(AccessRequest closed, CancellationToken cancellationToken) =>
        ShowAsync(closed, GrantNotices.Closed(closed, time.GetUtcNow()), cancellationToken);

    /// <summary>Deletes the DM message (<c>chat.delete</c>; a bot may delete its own); nothing when the request has none. Slack failures throw.</summary>
    public async Task DeleteAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        if (RequesterDm.Of(request) is { } dm)
        {
            await slack.DeleteMessageAsync(dm, cancellationToken);
        }
    }

    /// <summary>
    /// Re-renders the closing notice of <paramref name="closed"/> (e.g. once AWS denies its credentials) in a DM whose
    /// credentials are already gone. Never deletes and never throws for Slack: the clean-up itself is
    /// <see cref="GrantDmCleanup"/>'s.
    /// </summary>
    public async Task RewriteClosedAsync(AccessRequest closed, CancellationToken cancellationToken)
    {
        try
        {
            await ShowClosedAsync(closed, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, closed.Id, ex.Method, ex.Error);
        }
    }

    /// <summary>Tells the requester something without secrets: edits the DM when there is one, else posts a new one. Never throws for Slack.</summary>
    public Task TellAsync(AccessRequest request, SlackMessage message, CancellationToken cancellationToken) =>
        messenger.TellAsync(request.Requester.UserId, RequesterDm.Of(request), request.Id, message, cancellationToken);

    private static bool HasDm(AccessRequest request) => RequesterDm.Of(request) is not null;
}
