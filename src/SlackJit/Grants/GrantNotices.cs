using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Grants;

/// <summary>The requester's DM when it holds no secret: before issuing, after a failure, after the grant ends.</summary>
internal static class GrantNotices
{
    /// <summary>Posted before STS is called, so the credentials always have one place to go, even after a crash.</summary>
    public static SlackMessage Issuing(AccessRequest request)
    {
        var text = $"Issuing your credentials for `{Mrkdwn.Escape(request.Resource.Display)}` ({request.ShortId})…";
        return Message(text, Block.Section(text));
    }

    /// <param name="reason">Why, for the requester (no operator detail): e.g. "AWS refused to issue them (`AccessDenied`)".</param>
    public static SlackMessage Failed(AccessRequest request, string reason)
    {
        var text = $"Your access to `{Mrkdwn.Escape(request.Resource.Display)}` ({request.ShortId}) could not be issued: {reason}. " +
                   "The SlackJit operator has been told.";
        return Message(text, Block.Section(text));
    }

    /// <summary>The DM after the grant: every secret, the link and the buttons gone; which of the endings it was.</summary>
    public static SlackMessage Closed(AccessRequest request, DateTimeOffset now) => request.Status switch
    {
        RequestStatus.Ended => Ended(request, now),
        RequestStatus.Failed => Failed(request, "issuing did not complete"),
        _ => Expired(request, now),
    };

    public static SlackMessage Expired(AccessRequest request, DateTimeOffset now)
    {
        var what = Mrkdwn.Escape(request.Resource.Display);
        var end = request.Grant?.WindowEnd ?? now;
        var text = $"Your access to `{what}` ({request.ShortId}) has ended: the approved window closed {SlackDates.DateAtTime(end)}. " +
                   "The credentials were removed from this message.";
        return Message(
            $"Your access to {what} ({request.ShortId}) has ended.",
            Block.Section(text),
            Block.Context(StillValid(request, now) ?? "The credentials have expired. Make a new request with `/s3-access` if you need more time."));
    }

    public static SlackMessage Ended(AccessRequest request, DateTimeOffset now)
    {
        var what = Mrkdwn.Escape(request.Resource.Display);
        var by = request.Revocation is { } r && r.By != request.Requester.UserId
            ? $"{Mrkdwn.User(r.By)} revoked your access to `{what}` ({request.ShortId}) {SlackDates.DateAtTime(r.At)}. "
            : $"You ended your access to `{what}` ({request.ShortId}). ";
        var text = by + "The credentials were removed from this message and will not be renewed.";
        return Message(
            request.Revocation is { } revoked && revoked.By != request.Requester.UserId
                ? $"Your access to {what} ({request.ShortId}) was revoked."
                : $"You ended your access to {what} ({request.ShortId}).",
            Block.Section(text),
            Block.Context(RevocationState(request, now) ?? StillValid(request, now) ?? "The credentials have expired."));
    }

    /// <summary>What AWS does with the credentials of a revoked grant: denied, or (while IAM fails) not yet.</summary>
    public static string? RevocationState(AccessRequest request, DateTimeOffset now) => request.Revocation switch
    {
        { IsEnforced: true } r => $"*Revoked* {SlackDates.DateAtTime(r.At)}: AWS now denies every call made with its credentials (they would have expired {SlackDates.DateAtTime(r.CredentialsExpire)}).",
        { Failure: not null } r when r.CredentialsExpire > now =>
            "Revoking the credentials in AWS has failed so far; SlackJit keeps trying. Until then the ones already issued keep working until they expire " +
            $"{SlackDates.DateAtTime(r.CredentialsExpire)}.",
        { } r when r.CredentialsExpire > now => "Revoking the credentials in AWS…",
        _ => null,
    };

    // Credentials not covered by a revocation (e.g. expired by the clock): say when they stop.
    private static string? StillValid(AccessRequest request, DateTimeOffset now) =>
        request.Grant is { } grant && grant.SessionExpiry > now
            ? "The credentials already issued keep working until they expire " +
              $"{SlackDates.DateAtTime(grant.SessionExpiry)} ({SlackDates.Relative(grant.SessionExpiry, now)})."
            : null;

    private static SlackMessage Message(string text, params IEnumerable<System.Text.Json.Nodes.JsonObject> blocks) =>
        new(text, BlockList.ForMessage().AddRange(blocks).ToJsonArray());
}
