using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// The sandbox console a sign-in link opens: the session (role, SourceIdentity, session name, tags, expiry), its
/// session policy pretty-printed, and which sample keys of the bucket that policy lets it read or list.
/// </summary>
internal static class SandboxConsolePage
{
    public const string BasePath = "/sandbox/console/";

    public static IResult Render(HttpContext context, SandboxAccount account, PlaygroundOptions options, string? bucket)
    {
        var session = account.Find(context.Request.Cookies[SandboxFederation.CookieName]);
        if (session is null)
        {
            return Html(Message("Not signed in", "Open the console from the <b>Open the AWS console</b> button in your SlackJit DM."), 401);
        }
        var now = account.Time.GetUtcNow();
        var expired = session.Expiration <= now;
        var html = new StringBuilder();
        html.Append(Header());
        html.Append("<main>");
        if (expired)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"banner expired\" data-testid=\"expired\">This session expired at {E(Time(session.Expiration))}. Its credentials no longer work.</div>");
        }
        html.Append("<section class=\"card\"><h2>Session</h2><table class=\"kv\" data-testid=\"session\">");
        Row(html, "Role", session.RoleArn);
        Row(html, "Session name", session.RoleSessionName);
        Row(html, "SourceIdentity", session.SourceIdentity ?? "—");
        Row(html, "Access key id", session.AccessKeyId);
        Row(html, "Issued", Time(session.IssuedAt));
        Row(html, "Expires", $"{Time(session.Expiration)} ({(expired ? "expired" : Minutes(session.Expiration - now) + " left")})");
        html.Append("<tr><th>Tags</th><td>");
        foreach (var (key, value) in session.Tags)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"tag\"><b>{E(key)}</b> = {E(value)}</span> ");
        }
        html.Append("</td></tr></table></section>");

        html.Append("<section class=\"card\"><h2>Session policy</h2><pre data-testid=\"policy\">");
        html.Append(E(Pretty(session.Policy)));
        html.Append("</pre></section>");

        foreach (var (name, keys) in options.SampleKeys.Where(b => bucket is null || b.Key == bucket))
        {
            html.Append(BucketTable(session, name, keys, expired, now));
        }
        html.Append("</main></body></html>");
        return Html(html.ToString(), 200);
    }

    private static string BucketTable(SandboxSession session, string bucket, List<string> keys, bool expired, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\"><h2>Bucket <code>{E(bucket)}</code></h2>");
        html.Append("<p class=\"hint\">What this session's policy lets it do with the sandbox's sample objects (the role itself allows any read; the session policy narrows it).</p>");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"objects\" data-testid=\"bucket-{E(bucket)}\"><tr><th>Object or prefix</th><th>List</th><th>Read</th></tr>");
        var prefixes = keys.SelectMany(PrefixesOf).Prepend("").Distinct().Order(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            var list = !expired && session.Policy is not null && S3PolicyEvaluator.CanList(session.Policy, bucket, prefix, now);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"prefix\" data-prefix=\"{E(prefix)}\" data-allowed-list=\"{(list ? "yes" : "no")}\"><td>📁 {E(prefix.Length == 0 ? "(bucket root)" : prefix)}</td><td>{Mark(list)}</td><td></td></tr>");
        }
        foreach (var key in keys)
        {
            var read = !expired && session.Policy is not null && S3PolicyEvaluator.CanRead(session.Policy, bucket, key, now);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"object\" data-key=\"{E(key)}\" data-allowed-read=\"{(read ? "yes" : "no")}\"><td>📄 {E(key)}</td><td></td><td>{Mark(read)}</td></tr>");
        }
        html.Append("</table></section>");
        return html.ToString();
    }

    private static IEnumerable<string> PrefixesOf(string key)
    {
        for (var i = key.IndexOf('/', StringComparison.Ordinal); i >= 0; i = key.IndexOf('/', i + 1))
        {
            yield return key[..(i + 1)];
        }
    }

    public static string Message(string title, string text) =>
        $"{Header()}<main><section class=\"card\"><h2>{E(title)}</h2><p>{text}</p></section></main></body></html>";

    private static string Header() => """
        <!doctype html><html><head><meta charset="utf-8"><title>Sandbox console · SlackJit playground</title>
        <style>
        body{margin:0;font-family:"Amazon Ember",Helvetica,Arial,sans-serif;background:#f2f3f3;color:#16191f}
        header{background:#232f3e;color:#fff;padding:10px 20px;display:flex;align-items:center;gap:14px}
        header .logo{font-weight:700;font-size:18px}
        header .badge{background:#ff9900;color:#16191f;border-radius:3px;padding:2px 8px;font-size:12px;font-weight:700;letter-spacing:.5px}
        main{max-width:980px;margin:20px auto;padding:0 16px}
        .card{background:#fff;border-radius:8px;box-shadow:0 1px 1px rgba(0,28,36,.3),1px 1px 1px rgba(0,28,36,.15);padding:16px 20px;margin-bottom:16px}
        h2{font-size:18px;margin:0 0 12px}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeded;font-size:14px;vertical-align:top}
        .kv th{width:160px;color:#545b64;font-weight:600}
        pre{background:#fafafa;border:1px solid #eaeded;border-radius:4px;padding:12px;font-size:13px;overflow:auto}
        .tag{display:inline-block;background:#f1faff;border:1px solid #0073bb;border-radius:12px;padding:1px 8px;margin:2px;font-size:12px}
        .yes{color:#1d8102;font-weight:700}.no{color:#d13212}
        .banner{padding:12px 16px;border-radius:4px;margin-bottom:16px}.expired{background:#fde8e8;border:1px solid #d13212}
        .hint{color:#545b64;font-size:13px}
        </style></head><body>
        <header><span class="logo">aws</span><span>Management Console</span><span class="badge">SANDBOX</span><span style="margin-left:auto;font-size:13px">SlackJit playground · nothing here is real AWS</span></header>
        """;

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static string Mark(bool allowed) => allowed ? "<span class=\"yes\">✓ allowed</span>" : "<span class=\"no\">✗ denied</span>";

    private static string Pretty(string? policy)
    {
        if (policy is null)
        {
            return "(no session policy: the role's own policy applies)";
        }
        using var doc = JsonDocument.Parse(policy);
        return JsonSerializer.Serialize(doc.RootElement, PrettyJson);
    }

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => $"{(int)Math.Ceiling(span.TotalMinutes)} min";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static IResult Html(string html, int status) => Results.Text(html, "text/html; charset=utf-8", statusCode: status);
}
