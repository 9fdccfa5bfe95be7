using System.Text.Json;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// The sandbox federation endpoint, <c>GET /sandbox/federation</c>: <c>Action=getSigninToken&amp;Session={…}</c>
/// answers <c>{"SigninToken":"…"}</c> for a live sandbox session whose three parts match; <c>Action=login</c> with a
/// fresh token signs the browser in (a cookie) and sends it to the sandbox console page it names.
/// </summary>
internal static class SandboxFederation
{
    public const string CookieName = "sandbox_session";

    public static IResult Handle(HttpContext context, SandboxAccount account)
    {
        var query = context.Request.Query;
        switch (query["Action"].ToString())
        {
            case "getSigninToken":
                var (id, key, token) = ReadSession(query["Session"].ToString());
                var signin = account.MakeSigninToken(id, key, token);
                return signin is null
                    ? Results.Text("""{"message":"Invalid or expired session credentials"}""", "application/json", statusCode: 400)
                    : Results.Text(JsonSerializer.Serialize(new Dictionary<string, string> { ["SigninToken"] = signin }), "application/json");
            case "login":
                var session = account.RedeemSigninToken(query["SigninToken"].ToString());
                if (session is null)
                {
                    return Results.Text(SandboxConsolePage.Message("Sign-in link expired", "This sign-in link is no longer valid (links last 15 minutes). Ask SlackJit for a new one with Renew credentials."), "text/html", statusCode: 400);
                }
                var destination = query["Destination"].ToString();
                // Only ever the sandbox console on this host: a sign-in link is not an open redirect.
                var local = Uri.TryCreate(destination, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith(SandboxConsolePage.BasePath, StringComparison.Ordinal)
                    ? uri.PathAndQuery
                    : SandboxConsolePage.BasePath;
                context.Response.Cookies.Append(CookieName, session.AccessKeyId, new CookieOptions { HttpOnly = true, Path = "/sandbox", SameSite = SameSiteMode.Lax });
                return Results.Redirect(local);
            default:
                return Results.Text("""{"message":"Unknown Action"}""", "application/json", statusCode: 400);
        }
    }

    private static (string? Id, string? Key, string? Token) ReadSession(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return (Str(root, "sessionId"), Str(root, "sessionKey"), Str(root, "sessionToken"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
