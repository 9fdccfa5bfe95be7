using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;

namespace SlackJit.Grants;

/// <summary>Make a console link for a live grant after the ack (STS and the federation endpoint can outlast Slack's 3 seconds).</summary>
internal sealed record OpenConsole(AccessRequest Request, ReplyTarget Reply) : IWorkItem
{
    public string Name => "console " + Request.ShortId;
}
