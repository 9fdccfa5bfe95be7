using System.Security.Cryptography;
using System.Text;

namespace SlackJit.SlackEmulator.AppClient;

/// <summary>Slack's request signing: <c>v0=</c> + lowercase hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
public static class RequestSigning
{
    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Form encoding as Slack sends it: spaces as <c>+</c>, everything else percent-encoded.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Escape(f.Key)}={Escape(f.Value)}"));

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
