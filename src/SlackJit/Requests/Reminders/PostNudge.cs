using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests.Reminders;

/// <summary>After a recorded nudge: the reply in the card's thread, then a word to the requester.</summary>
internal sealed record PostNudge(Guid RequestId, ReplyTarget Requester) : IWorkItem
{
    public string Name => "nudge " + Access.RequestIds.ToShort(RequestId);
}
