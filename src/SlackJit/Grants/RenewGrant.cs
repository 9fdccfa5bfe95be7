using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;

namespace SlackJit.Grants;

/// <summary>Renew a claimed request after the ack (STS with its retries can outlast Slack's 3 seconds).</summary>
internal sealed record RenewGrant(AccessRequest Claimed, ReplyTarget Reply) : IWorkItem
{
    public string Name => "renew " + Claimed.ShortId;
}
