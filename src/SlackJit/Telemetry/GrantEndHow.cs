namespace SlackJit.Telemetry;

/// <summary>How a grant ended: the <c>how</c> tag of <c>slackjit.grants.ended</c> and the export's <c>ended_how</c>.</summary>
internal static class GrantEndHow
{
    /// <summary>The approved window ran out.</summary>
    public const string Expired = "expired";

    /// <summary>The requester said they were done.</summary>
    public const string Done = "done";

    /// <summary>Someone other than the requester took the access back.</summary>
    public const string Revoked = "revoked";
}
