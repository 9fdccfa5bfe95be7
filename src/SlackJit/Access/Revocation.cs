namespace SlackJit.Access;

/// <summary>
/// A grant ended early whose credentials AWS must deny until they expire (STS credentials cannot be deleted; an IAM
/// policy denies them). Never holds a secret.
/// </summary>
/// <param name="By">Who ended it: the requester (I'm done) or an approver (Revoke).</param>
/// <param name="At">When it was ended.</param>
/// <param name="CredentialsExpire">When the last credentials issued for it expire: the deny must hold until then.</param>
/// <param name="EnforcedAt">When AWS's deny policy first listed it; null until then.</param>
/// <param name="Failure">Why the last attempt to put the deny in place failed; null when it did not.</param>
public sealed record Revocation(
    string By,
    DateTimeOffset At,
    DateTimeOffset CredentialsExpire,
    DateTimeOffset? EnforcedAt = null,
    string? Failure = null)
{
    public bool IsEnforced => EnforcedAt is not null;
}
