using SlackJit.Access;
using SlackJit.Slack.Api;

namespace SlackJit.Slack.Messaging;

/// <summary>The requester's DM about a request, where the request recorded one.</summary>
internal static class RequesterDm
{
    /// <summary>Where the DM is, or null when none was posted (or its place not recorded) yet.</summary>
    public static SlackMessageRef? Of(AccessRequest request) =>
        request.Slack is { DmChannel: { } channel, DmTs: { } ts } ? new SlackMessageRef(channel, ts) : null;
}
