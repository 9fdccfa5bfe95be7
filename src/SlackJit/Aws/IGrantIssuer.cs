using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>Mints credentials for an approved request. Secrets live only in the returned value, in memory.</summary>
public interface IGrantIssuer
{
    /// <summary>Assumes the role with the request's session policy for <paramref name="duration"/> and makes a console link.</summary>
    Task<IssueOutcome> IssueAsync(AccessRequest request, TimeSpan duration, CancellationToken cancellationToken);
}

/// <summary>The secrets handed to the requester. Only the DM may hold these; <see cref="ToString"/> hides them.</summary>
public sealed record IssuedCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string AssumedRoleId,
    string? SigninUrl)
{
    public override string ToString() => $"IssuedCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O} }}";
}

/// <summary>Issuing either yields credentials or a failure that is either transient (retry) or permanent (Failed).</summary>
public abstract record IssueOutcome
{
    private IssueOutcome() { }

    /// <param name="Scope">What the credentials cover: the approved prefix minus nested entries, under the entry's conditions.</param>
    public sealed record Issued(IssuedCredentials Credentials, string? SigninError, GrantScope? Scope = null) : IssueOutcome;

    /// <param name="Code">AWS error code, e.g. <c>AccessDenied</c>.</param>
    /// <param name="Message">What to tell the operator; never a secret.</param>
    /// <param name="Transient">Throttling, timeouts, 5xx: try again later.</param>
    public sealed record Refused(string Code, string Message, bool Transient) : IssueOutcome;
}
