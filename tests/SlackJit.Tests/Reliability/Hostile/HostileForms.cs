using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SlackJit.Requests;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies as a broken or hostile sender could write them: Slack's fields
/// with hostile values, unknown and repeated fields, raw and half-encoded text, stray <c>%</c>, <c>&amp;</c> and <c>=</c>.
/// </summary>
internal static class HostileForms
{
    private static readonly string[] Keys =
        ["command", "user_id", "team_id", "text", "trigger_id", "response_url", "channel_id", "payload", "ssl_check", "enterprise_id", "api_app_id", "token", "user_name"];

    private static readonly string[] Garbage =
        ["", "=", "&", "&&&&", "=&=&=", "%", "%zz", "%u0041", "a=%FF%FE%FD", "a=%C0%AF", "a=%00", "payload=%7B", "ssl_check=1", "ssl_check=0&command=/s3-access",
         "text=" + new string('%', 3_000), string.Concat(Enumerable.Repeat("a=1&", 500)), "a" + new string('=', 2_000), "\uFEFFcommand=/s3-access"];

    /// <summary>A form body; <paramref name="users"/> are the only user ids it may name in <c>user_id</c>.</summary>
    public static Gen<string> Body(string[] users, Func<string> responseUrl) => Gen.Frequency(
        (6, Gen.ListOf(Field(users, responseUrl)).SelectMany(fields => Gen.Elements("&", "&", "&", ";", "&&", "\n").Select(sep => string.Join(sep, fields)))),
        (4, Complete(users, responseUrl)),
        (1, HostileGen.Text),
        (1, Gen.Elements(Garbage)));

    // Every field a slash command or an interaction needs, with hostile values and extra fields, in any order:
    // these reach the handlers, not just the form reader.
    private static Gen<string> Complete(string[] users, Func<string> responseUrl) =>
        from user in Gen.Elements(users)
        from text in HostileGen.CommandText
        from payload in HostilePayloads.Any(users, [], responseUrl)
        from extra in Gen.ListOf(Field(users, responseUrl), 2)
        from kind in Gen.Elements(0, 1)
        let fields = kind == 0
            ? new[] { $"command={Encode(RequestsSlackKeys.Command, 0)}", $"user_id={Encode(user, 0)}", "team_id=T0TEAM", $"text={Encode(text, 0)}", $"response_url={Encode(responseUrl(), 0)}", $"trigger_id={Encode(Guid.NewGuid().ToString(), 0)}" }
            : new[] { $"payload={Encode(payload, 0)}" }
        from ordered in Gen.Shuffle(fields.Concat(extra))
        select string.Join('&', ordered);

    private static Gen<string> Field(string[] users, Func<string> responseUrl) =>
        from key in Gen.Frequency((8, Gen.Elements(Keys)), (1, HostileGen.Token))
        from value in Value(key, users, responseUrl)
        from encoding in Gen.Elements(0, 0, 0, 1, 2)
        select $"{Encode(key, encoding)}={Encode(value, encoding)}";

    private static Gen<string> Value(string key, string[] users, Func<string> responseUrl) => key switch
    {
        "command" => Gen.Frequency((5, Gen.Constant(RequestsSlackKeys.Command)), (1, HostileGen.Token)),
        "user_id" => Gen.Elements(users),
        "team_id" => Gen.Elements("T0TEAM", "T0OTHER", "", " "),
        "text" => HostileGen.CommandText,
        "payload" => HostilePayloads.Any(users, [], responseUrl),
        "response_url" => Gen.Frequency((3, Gen.Fresh(responseUrl)), (1, HostileGen.Text)),
        _ => HostileGen.Text,
    };

    // 0: as Slack encodes; 1: not encoded at all; 2: only spaces encoded.
    private static string Encode(string text, int encoding) => encoding switch
    {
        0 => Uri.EscapeDataString(Safe(text)).Replace("%20", "+", StringComparison.Ordinal),
        1 => text,
        _ => text.Replace(" ", "+", StringComparison.Ordinal),
    };

    // EscapeDataString refuses lone surrogates; replace them as a UTF-8 encoder would.
    private static string Safe(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
