using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests.FollowUps;

/// <summary>Post the card of a new request; first send the ack by DM when the request came from the form.</summary>
internal sealed record PostCard(AccessRequest Request, ReplyTarget Requester, SlackMessage? AckByDm) : IWorkItem
{
    public string Name => "post-card " + Request.ShortId;
}
