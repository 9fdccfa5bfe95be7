using FsCheck;
using FsCheck.Fluent;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// FsCheck generators for what an attacker, a broken client or a careless paste sends: control and bidi
/// characters, lone surrogates, Slack mention and link syntax, IAM wildcards and variables, path tricks,
/// numbers past any limit, very long text — mixed with fragments of valid input so that the parsers get
/// past their first check often enough to reach the deeper code.
/// </summary>
internal static class HostileGen
{
    /// <summary>A guest account in the harness: nothing it sends may create or decide anything.</summary>
    public const string PowerlessUser = SlackJit.Tests.EndToEnd.SlackJitHarness.Guest;

    /// <summary>Users Slack does not know (users.info fails): nothing they send may create or decide anything.</summary>
    public static readonly string[] UnknownUsers = ["U0NOBODY1", "W0NOBODY2", "U", "u0lower", " ", "\t", "U0\u202E1", "<@U0APPROVER1>", new string('U', 300)];

    public static readonly string[] Tokens =
    [
        "<!channel>", "<!here>", "<!everyone>", "<!subteam^S0APPROVERS>", "<@U0APPROVER1>", "<@U0REQUESTER|boss>", "<#C0APPROVERS>",
        "<https://evil.example|click>", "<http://evil.example>", "<mailto:a@evil.example|mail>", "https://evil.example",
        "*bold*", "_italic_", "~strike~", "`code`", "```block```", "> quote", "&amp;", "&lt;", "&gt;", "&", "<", ">", "|",
        "${aws:username}", "${", "*", "?", "..", "../", "/", "//", "./", "\\", "\"", "'", "%00", "%", "%2e%2e", "+", "=", "&&",
        "s3://", "S3://", "analytics-prod", "analytics-prod/", "analytics-prod/reports/", "finance-data/reports/", "finance-data",
        "Analytics-Prod", "payroll-prod", "xn--bucket", "192.168.1.1", "a", "ab",
        "2h", "30m", "1h30m", "90m", "4h", "15m", "14m", "0m", "0h", "1h90m", "-1h", "1e9h", "999999h", "9999999h", "2 h", "2hrs", "45MIN",
        "help", "list", "cancel", "HELP", "Cancel", "R-ABCDEF", "R-", "r-zzzzzz", "00000000-0000-0000-0000-000000000000",
        "null", "undefined", "{}", "[]", "{\"type\":\"block_actions\"}", "true", "0", "-0", "NaN", "1e309",
        "\u202Etxt.exe\u202C", "\u2066rtl\u2069", "\u200Bzero\u200B", "\uFEFF", "\u0000", "\u001B[31m", "\r\n", "\u2028", "\uD800", "\uDC00",
        "😀", "👨‍👩‍👧", "ﷺ", "Ω", "İ", "ß", "ǅ", "١٢٣", "𝟐h",
    ];

    private static readonly char[] Specials = [.. "*?/.${}\"\\<>&|@!#`%+=_~^'[]():;,"];
    private static readonly char[] Spaces = [' ', ' ', ' ', '\t', '\n', '\r', '\u00A0', '\u3000', '\u2028', '\u0085'];
    private static readonly char[] Controls = ['\0', '\u0001', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B'];
    private static readonly char[] Invisible = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200D', '\uFEFF', '\u00AD'];
    private static readonly char[] LoneSurrogates = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

    public static Gen<char> Char { get; } = Gen.Frequency(
        (12, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
        (3, Gen.Elements(Spaces)),
        (2, Gen.Elements(Controls)),
        (2, Gen.Elements(Invisible)),
        (1, Gen.Elements(LoneSurrogates)),
        (2, Gen.Choose(0x80, 0xFFFF).Select(i => (char)i)),
        (4, Gen.Elements(Specials)));

    /// <summary>Random characters, up to <paramref name="max"/> of them.</summary>
    public static Gen<string> Chars(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Char, n)).Select(a => new string(a));

    public static Gen<string> Token { get; } = Gen.Frequency(
        (5, Gen.Elements(Tokens)),
        (3, Chars(12)),
        (1, Gen.Fresh(() => Guid.NewGuid().ToString())));

    public static Gen<string> Separator { get; } = Gen.Frequency(
        (8, Gen.Constant(" ")),
        (2, Gen.Elements(Spaces).Select(c => c.ToString())),
        (2, Gen.Constant("")),
        (1, Gen.Constant("   ")));

    /// <summary>A few tokens joined by whitespace (or none).</summary>
    public static Gen<string> Sentence { get; } =
        Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Zip(Token, Separator).Select(p => p.Item1 + p.Item2), n))
            .Select(parts => string.Concat(parts));

    /// <summary>Very long text: 10,000 characters and more, past every Slack and domain limit.</summary>
    public static Gen<string> Huge { get; } = Gen.OneOf(
        Gen.Elements(Tokens).Select(t => string.Concat(Enumerable.Repeat(t + " ", 10_000 / Math.Max(1, t.Length + 1) + 1))),
        Char.Select(c => new string(c, 10_000)),
        Gen.Constant(string.Concat(Enumerable.Repeat("<!channel> ", 1_000))));

    /// <summary>Any hostile free text.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Sentence),
        (4, Chars(120)),
        (1, Huge),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")));

    public static Gen<string> DurationText { get; } = Gen.Frequency(
        (4, Gen.Zip(Gen.Choose(0, 100), Gen.Elements("h", "m", "H", "M", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "s", "d", "", "h30m"))
            .Select(p => p.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture) + p.Item2)),
        (2, Gen.Zip(Gen.Choose(0, 30), Gen.Choose(0, 120)).Select(p => $"{p.Item1}h{p.Item2}m")),
        (2, Gen.Elements("9999999h", "999999h", "999999h59m", "99999999999999999999h", "1h60m", "0h0m", "h", "m", "hm", "1.5h", "½h", "２h", "+1h", "1h ", " 1h", "1h\0", "1h\u202E")),
        (2, Chars(34)));

    public static Gen<string> Prefix { get; } = Gen.Frequency(
        (4, Gen.ArrayOf(Gen.Frequency((5, Gen.Elements("reports", "2026", "03", "a", "data", "x y")), (3, Token)), 3).Select(p => string.Join('/', p))),
        (2, Gen.Elements("reports/", "reports/2026/", "", "/reports", "reports/*", "reports/?", "reports/../secrets", "${aws:username}/", "re\"ports", "re\\ports", "reports/\u202E", "reports/\t", new string('a', 513), new string('a', 512))),
        (3, Chars(40)));

    /// <summary>A command text: mostly shaped like <c>bucket[/prefix] [duration] [reason]</c>, sometimes anything.</summary>
    public static Gen<string> CommandText { get; } = Gen.Frequency(
        (5, Target().SelectMany(t => Gen.Zip(Gen.OrNull(DurationText), Text).Select(p => p.Item1 is null ? $"{t} {p.Item2}" : $"{t} {p.Item1} {p.Item2}"))),
        (1, Gen.Elements("cancel", "list", "help", "", " ", "cancel ").SelectMany(v => Text.Select(t => $"{v} {t}"))),
        (3, Text));

    /// <summary><c>bucket</c> or <c>bucket/prefix</c>, with valid buckets from the harness catalog half the time.</summary>
    public static Gen<string> Target() => Gen.Zip(
            Gen.Frequency((5, Gen.Elements("analytics-prod", "finance-data", "s3://analytics-prod", "S3://finance-data")), (3, Token)),
            Gen.OrNull(Prefix))
        .Select(p => p.Item2 is null ? p.Item1 : $"{p.Item1}/{p.Item2}");
}
