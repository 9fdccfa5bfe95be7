using SlackJit.Lifecycle;

namespace SlackJit.Grants;

/// <summary>Put a just-revoked grant's deny in place after the ack (IAM with its retries can outlast Slack's 3 seconds).</summary>
internal sealed record EnforceRevocation(Guid RequestId, string ShortId) : IWorkItem
{
    public string Name => "revoke " + ShortId;
}
