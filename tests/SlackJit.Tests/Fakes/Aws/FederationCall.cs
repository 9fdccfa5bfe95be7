namespace SlackJit.Tests.Fakes.Aws;

/// <summary>One getSigninToken call as <see cref="FakeFederation"/> saw it.</summary>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="SessionId">From the Session JSON: the access key id.</param>
/// <param name="SessionKey">From the Session JSON: the secret key.</param>
/// <param name="SessionToken">From the Session JSON: the session token.</param>
public sealed record FederationCall(
    IReadOnlyDictionary<string, string> Query,
    string? SessionId,
    string? SessionKey,
    string? SessionToken)
{
    public string? Action => Query.TryGetValue("Action", out var v) ? v : null;

    /// <summary>Must stay false: role-chained credentials make the real endpoint answer 400 to it.</summary>
    public bool SentSessionDuration => Query.ContainsKey("SessionDuration");
}
