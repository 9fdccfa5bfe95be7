using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>Makes a fresh console sign-in link for a live grant, at the moment the requester asks for it.</summary>
public interface IConsoleSignin
{
    /// <summary>
    /// Mints a console-only session with the grant's markers and session policy, usable until <paramref name="windowEnd"/>
    /// and never after, and turns it into a sign-in link. The link is a secret: only the requester's DM may hold it.
    /// </summary>
    Task<ConsoleSigninOutcome> CreateAsync(AccessRequest request, DateTimeOffset windowEnd, CancellationToken cancellationToken);
}

/// <param name="Url">The sign-in link (valid 15 minutes), or null.</param>
/// <param name="Error">Why there is no link, in words for the requester; never a secret.</param>
public sealed record ConsoleSigninOutcome(string? Url, string? Error)
{
    public override string ToString() => Url is null ? $"ConsoleSigninOutcome {{ Error = {Error} }}" : "ConsoleSigninOutcome { Url = (secret) }";
}
