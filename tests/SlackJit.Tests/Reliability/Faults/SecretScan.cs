using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>
/// Looks for secrets in text or bytes in every form they could be written in: as is, JSON-escaped (the default
/// encoder writes <c>+</c> as <c>\u002B</c>), URL-encoded, and — for long random values — a 16-character piece,
/// so a secret that was cut or re-encoded around its punctuation is still found.
/// </summary>
internal sealed partial class SecretScan
{
    private readonly List<(string Name, string Value, string[] Forms)> _secrets = [];

    public SecretScan Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }
        var forms = new HashSet<string>(StringComparer.Ordinal)
        {
            value,
            JsonSerializer.Serialize(value)[1..^1],
            Uri.EscapeDataString(value),
        };
        var longestRun = AlphaNumeric().Matches(value).Select(m => m.Value).OrderByDescending(v => v.Length).FirstOrDefault();
        if (longestRun is { Length: >= 16 })
        {
            forms.Add(longestRun[..16]);
        }
        _secrets.Add((name, value, [.. forms]));
        return this;
    }

    public int Count => _secrets.Count;

    /// <summary>The names of the secrets found in <paramref name="text"/>.</summary>
    public IReadOnlyList<string> FoundIn(string text) =>
        [.. _secrets.Where(s => s.Forms.Any(f => text.Contains(f, StringComparison.Ordinal))).Select(s => s.Name)];

    /// <summary>The names of the secrets found in raw file bytes. SQLite keeps text as UTF-8 unless told otherwise.</summary>
    public IReadOnlyList<string> FoundIn(byte[] bytes) => FoundIn(Encoding.UTF8.GetString(bytes));

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex AlphaNumeric();
}
