using System.Text;

namespace SlackJit.Aws;

/// <summary>STS session tag and source-identity values, made to fit the characters STS accepts.</summary>
internal static class SessionTags
{
    public const string RequestIdKey = "jit-request-id";
    public const string SlackUserKey = "slack-user";
    public const string SlackTeamKey = "slack-team";
    public const string ResourceKey = "resource";

    private const int MaxTagValueLength = 256;
    private const int MaxSourceIdentityLength = 64;

    /// <summary>Tag values allow letters, digits, spaces and <c>_ . : / = + - @</c>, up to 256 characters.</summary>
    public static string TagValue(string value)
    {
        var sb = new StringBuilder(Math.Min(value.Length, MaxTagValueLength));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxTagValueLength)))
        {
            sb.Append(char.IsLetterOrDigit(c) || c == ' ' || "_.:/=+-@".Contains(c) ? c : '_');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Source identity: 2–64 of <c>[\w+=,.@-]</c>, not starting with <c>aws:</c>. Slack user IDs already
    /// fit; anything else is made to fit rather than failing the grant.
    /// </summary>
    public static string SourceIdentity(string userId)
    {
        var sb = new StringBuilder(MaxSourceIdentityLength);
        foreach (var c in userId.AsSpan(0, Math.Min(userId.Length, MaxSourceIdentityLength)))
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c) ? c : '_');
        }
        while (sb.Length < 2)
        {
            sb.Append('_');
        }
        return sb.ToString();
    }
}
