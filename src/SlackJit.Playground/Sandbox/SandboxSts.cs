using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// Sandbox STS: <c>POST /</c> with <c>Action=AssumeRole</c> in STS's query/XML wire format, checked as STS checks
/// it (SigV4-signed with the bot's sandbox key, the sandbox role, session name, duration, SourceIdentity, policy
/// size, tags). The answer's credentials say what they are: the access key id begins <c>ASIASANDBOX</c>.
/// </summary>
internal static partial class SandboxSts
{
    public const string RoleId = "AROASANDBOXROLE00001";
    public const int MaxPolicyLength = 2048;
    public const int MinSeconds = 900;
    public const int MaxSeconds = 43_200;

    public static async Task HandleAsync(HttpContext context, SandboxAccount account)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
            return;
        }
        if (!auth.Contains($"Credential={SandboxAccount.BotAccessKeyId}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            return;
        }
        if (Get(form, "Action") != "AssumeRole")
        {
            await ErrorAsync(context, 400, "InvalidAction", $"Could not find operation {Get(form, "Action")} for version 2011-06-15");
            return;
        }
        if (Validate(form) is { } problem)
        {
            await ErrorAsync(context, problem.Code == "AccessDenied" ? 403 : 400, problem.Code, problem.Message);
            return;
        }

        var tags = new List<KeyValuePair<string, string>>();
        for (var n = 1; Get(form, $"Tags.member.{n}.Key") is { } key; n++)
        {
            tags.Add(new(key, Get(form, $"Tags.member.{n}.Value") ?? ""));
        }
        var seconds = int.TryParse(Get(form, "DurationSeconds"), CultureInfo.InvariantCulture, out var s) ? s : 3600;
        var session = account.Issue(Get(form, "RoleArn")!, Get(form, "RoleSessionName")!, Get(form, "SourceIdentity"), tags, Get(form, "Policy"), seconds);
        await WriteAsync(context, 200, SuccessXml(session));
    }

    private static (string Code, string Message)? Validate(Dictionary<string, string> form)
    {
        var role = Get(form, "RoleArn");
        if (role is null || Get(form, "RoleSessionName") is not { } name)
        {
            return ("ValidationError", "RoleArn and RoleSessionName are required");
        }
        if (role != SandboxAccount.RoleArn)
        {
            return ("AccessDenied", $"User: arn:aws:iam::{SandboxAccount.AccountId}:user/slackjit is not authorized to perform: sts:AssumeRole on resource: {role}");
        }
        if (!SessionText().IsMatch(name) || name.Length is < 2 or > 64)
        {
            return ("ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint");
        }
        if (Get(form, "DurationSeconds") is { } d && (!int.TryParse(d, CultureInfo.InvariantCulture, out var seconds) || seconds is < MinSeconds or > MaxSeconds))
        {
            return ("ValidationError", $"The requested DurationSeconds exceeds the MaxSessionDuration set for this role ({MinSeconds}-{MaxSeconds}).");
        }
        if (Get(form, "SourceIdentity") is { } identity && (!SessionText().IsMatch(identity) || identity.Length is < 2 or > 64))
        {
            return ("ValidationError", "1 validation error detected: Value at 'sourceIdentity' failed to satisfy constraint");
        }
        if (Get(form, "Policy") is { } policy)
        {
            if (policy.Length > MaxPolicyLength)
            {
                return ("PackedPolicyTooLarge", "Packed policy consumes more than 100% of allotted space");
            }
            try
            {
                using var _ = JsonDocument.Parse(policy);
            }
            catch (JsonException)
            {
                return ("MalformedPolicyDocument", "The policy is not valid JSON");
            }
        }
        for (var n = 1; Get(form, $"Tags.member.{n}.Key") is { } key; n++)
        {
            if (n > 50 || key.Length is < 1 or > 128 || (Get(form, $"Tags.member.{n}.Value") ?? "").Length > 256)
            {
                return ("ValidationError", "Session tags: at most 50, keys 1-128 and values up to 256 characters");
            }
        }
        return null;
    }

    private static string SuccessXml(SandboxSession session) => StsXml.AssumeRoleResponse(
        session.RoleArn,
        session.RoleSessionName,
        session.SourceIdentity,
        $"{RoleId}:{session.RoleSessionName}",
        session.AccessKeyId,
        session.SecretAccessKey,
        session.SessionToken,
        session.Expiration,
        session.Policy is null ? 0 : Math.Min(100, session.Policy.Length * 100 / MaxPolicyLength));

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, StsXml.Error("Sender", code, message));

    private static async Task WriteAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    private static string? Get(Dictionary<string, string> form, string key) => form.TryGetValue(key, out var v) ? v : null;

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionText();
}
