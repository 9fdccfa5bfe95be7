using System.Buffers;
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

    private volatile SecretKey? _key;

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
        Span<byte> claimed = stackalloc byte[HashBytes];
        if (!TryParseTimestamp(timestamp, out var seconds) || !TryParseSignature(signature, claimed))
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

    /// <summary>
    /// HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>, hashing the raw bytes as received, in one call over a pooled
    /// buffer (the timestamp is at most 12 ASCII digits, checked before).
    /// </summary>
    private void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var key = Key(secret);
        var length = Version.Length + 2 + timestamp.Length + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.ASCII.GetBytes(Version.AsSpan(), buffer);
            buffer[written++] = (byte)':';
            written += Encoding.ASCII.GetBytes(timestamp.AsSpan(), buffer.AsSpan(written));
            buffer[written++] = (byte)':';
            body.CopyTo(buffer.AsSpan(written));
            HMACSHA256.HashData(key, buffer.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The secret's bytes, encoded again only when the secret changes (options can be reloaded).</summary>
    private byte[] Key(string secret)
    {
        var cached = _key;
        if (cached is null || !ReferenceEquals(cached.Secret, secret))
        {
            cached = new SecretKey(secret, Encoding.UTF8.GetBytes(secret));
            _key = cached;
        }
        return cached.Bytes;
    }

    private sealed record SecretKey(string Secret, byte[] Bytes);

    private static bool TryParseTimestamp(string value, out long seconds)
    {
        seconds = 0;
        // Unix seconds, digits only; the length cap keeps the arithmetic far from overflow.
        return value.Length <= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    private static bool TryParseSignature(string value, Span<byte> hash)
    {
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
        return Convert.FromHexString(hex, hash, out _, out var written) == OperationStatus.Done && written == HashBytes;
    }
}
