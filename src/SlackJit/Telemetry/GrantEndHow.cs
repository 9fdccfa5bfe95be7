using SlackJit.Access;

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

    /// <summary>The trail's verb for access taken back by someone other than the requester.</summary>
    public const string RevokedAction = "revoked";

    /// <summary>How the grant ended, if <paramref name="action"/> (an audit verb) ends one; else null.</summary>
    public static string? ForAction(string action) => action switch
    {
        AuditActions.Expired => Expired,
        AuditActions.Ended => Done,
        RevokedAction => Revoked,
        _ => null,
    };
}
