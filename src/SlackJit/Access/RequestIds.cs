using System.Security.Cryptography;

namespace SlackJit.Access;

/// <summary>
/// Request ids are Guid v7 (time-sortable). People see the last characters of the id in
/// Crockford base32 as <c>R-XXXXXX</c>; Slack buttons carry the full id.
/// </summary>
public static class RequestIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Characters in a short id (<c>R-</c> and six more).</summary>
    public const int ShortLength = 8;

    /// <summary>
    /// A new id: a Guid v7 (RFC 9562), the creation time's Unix milliseconds in its first 48 bits, then the version,
    /// the variant and 74 random bits. The random bits come from the crypto library's generator
    /// (<see cref="RandomNumberGenerator"/>): <see cref="Guid.CreateVersion7(DateTimeOffset)"/> reads them from the
    /// kernel, one system call per id, and an id is made on every create before Slack gets its answer (bench/RESULTS.md).
    /// </summary>
    public static Guid New(TimeProvider time)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[6..]);
        var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)ms;
            ms >>= 8;
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public static string ToShort(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        // The last 30 bits are random in a v7 id: 6 base32 characters.
        ulong tail = ((ulong)bytes[12] << 24 | (ulong)bytes[13] << 16 | (ulong)bytes[14] << 8 | bytes[15]) & 0x3FFFFFFF;
        Span<char> chars = stackalloc char[ShortLength];
        chars[0] = 'R';
        chars[1] = '-';
        for (int i = 7; i >= 2; i--)
        {
            chars[i] = Alphabet[(int)(tail & 31)];
            tail >>= 5;
        }
        return new string(chars);
    }

    /// <summary>Parses a full id as carried in buttons and commands.</summary>
    public static bool TryParse(string? text, out Guid id) => Guid.TryParse(text?.Trim(), out id);
}
