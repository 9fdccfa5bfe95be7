namespace SlackJit.Access;

/// <summary>
/// What was issued, for audit and CloudTrail correlation. Never holds a secret: no secret key,
/// no session token, no sign-in link.
/// </summary>
/// <param name="AccessKeyId">The STS access key id (ASIA…).</param>
/// <param name="AssumedRoleId">The assumed-role id (AROA…:jit-…) seen in CloudTrail.</param>
/// <param name="SessionExpiry">When the current STS credentials expire.</param>
/// <param name="WindowEnd">When the approved window ends; renewals never go past it.</param>
/// <param name="Issues">How many credential sets were issued (1 + renewals).</param>
public sealed record GrantInfo(
    string AccessKeyId,
    string AssumedRoleId,
    DateTimeOffset SessionExpiry,
    DateTimeOffset WindowEnd,
    int Issues = 1);
