using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Checks Slack's <c>v0</c> request signature (docs/SLACK-PLATFORM.md, "Signed requests"). Fails closed: an empty
/// secret, a missing or malformed header, or a timestamp outside the replay window all refuse.
/// </summary>
internal sealed class SlackSignatureVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string Version = "v0";

    /// <summary>Slack's replay window: a signature older or newer than this is refused.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Prefix = Version + "=";
    private const int HashBytes = 32;

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.NoSecret;
        }
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }
        if (!TryParseTimestamp(timestamp, out var seconds) || !TryParseSignature(signature, out var claimed))
        {
            return SignatureCheck.MalformedHeaders;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)MaxClockSkew.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        Compute(secret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>, hashing the raw bytes as received.</summary>
    private static void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    private static bool TryParseTimestamp(string value, out long seconds)
    {
        seconds = 0;
        // Unix seconds, digits only; the length cap keeps the arithmetic far from overflow.
        return value.Length <= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    private static bool TryParseSignature(string value, out byte[] hash)
    {
        hash = [];
        if (!value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length != Prefix.Length + HashBytes * 2)
        {
            return false;
        }
        var hex = value.AsSpan(Prefix.Length);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        hash = Convert.FromHexString(hex);
        return true;
    }
}
