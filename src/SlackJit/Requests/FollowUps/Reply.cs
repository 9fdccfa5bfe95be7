using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests.FollowUps;

/// <summary>A message to the person who acted (clicks are answered through their response_url).</summary>
internal sealed record Reply(ReplyTarget Target, string Text, Guid RequestId, bool ReplaceOriginal) : IWorkItem
{
    public string Name => "reply " + Access.RequestIds.ToShort(RequestId);
}
