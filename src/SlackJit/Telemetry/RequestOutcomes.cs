namespace SlackJit.Telemetry;

/// <summary>The <c>outcome</c> tag of <c>slackjit.requests</c>.</summary>
internal static class RequestOutcomes
{
    /// <summary>Stored; the card follows.</summary>
    public const string Created = "created";

    /// <summary>The catalog, a limit or the requester's account said no.</summary>
    public const string Refused = "refused";

    /// <summary>The store (or Slack, asked about the requester) did not answer; nothing was stored.</summary>
    public const string Unavailable = "unavailable";
}
