namespace SlackJit.Aws.Iam;

/// <summary>A grant ended early whose credentials have not expired yet: its session must stay denied until then.</summary>
/// <param name="RequestId">The <c>jit-request-id</c> session tag of its sessions.</param>
/// <param name="CredentialsExpire">When the last credentials issued for it expire; after that the deny is pruned.</param>
internal sealed record RevokedGrant(Guid RequestId, DateTimeOffset CredentialsExpire);
