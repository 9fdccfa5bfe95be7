using System.Collections.Concurrent;
using System.Security;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// Sandbox IAM: <c>POST /sandbox/iam/</c> in IAM's Query/XML wire format, for the three calls early revocation
/// makes (<c>PutRolePolicy</c>, <c>GetRolePolicy</c>, <c>DeleteRolePolicy</c>) on the sandbox role. Requests must be
/// SigV4-signed with the bot's sandbox key, as STS's are here; inline policies are kept in memory and held to IAM's
/// 10,240-character limit, so "I'm done" and the card's Revoke end a grant in the playground as they would in AWS.
/// </summary>
internal sealed class SandboxIam
{
    public const string Path = "/sandbox/iam/";
    public const int MaxInlinePolicyLength = 10_240;
    private const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    private readonly ConcurrentDictionary<(string Role, string Policy), string> _policies = new();

    public async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal)
            || !auth.Contains($"Credential={SandboxAccount.BotAccessKeyId}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            return;
        }
        var action = form.GetValueOrDefault("Action") ?? "";
        var role = form.GetValueOrDefault("RoleName") ?? "";
        var policy = form.GetValueOrDefault("PolicyName") ?? "";
        if (role != SandboxAccount.RoleName)
        {
            await ErrorAsync(context, 404, "NoSuchEntity", $"The role with name {role} cannot be found.");
            return;
        }
        if (policy.Length == 0)
        {
            await ErrorAsync(context, 400, "ValidationError", "PolicyName is required.");
            return;
        }
        switch (action)
        {
            case "PutRolePolicy":
                var document = form.GetValueOrDefault("PolicyDocument") ?? "";
                if (document.Length > MaxInlinePolicyLength)
                {
                    await ErrorAsync(context, 409, "LimitExceeded", $"Maximum policy size of {MaxInlinePolicyLength} bytes exceeded for role {role}");
                    return;
                }
                _policies[(role, policy)] = document;
                await OkAsync(context, "PutRolePolicy", "");
                return;
            case "GetRolePolicy" when _policies.TryGetValue((role, policy), out var stored):
                await OkAsync(context, "GetRolePolicy",
                    $"<GetRolePolicyResult><RoleName>{role}</RoleName><PolicyName>{Escape(policy)}</PolicyName>" +
                    $"<PolicyDocument>{Escape(Uri.EscapeDataString(stored))}</PolicyDocument></GetRolePolicyResult>");
                return;
            case "DeleteRolePolicy" when _policies.TryRemove((role, policy), out _):
                await OkAsync(context, "DeleteRolePolicy", "");
                return;
            case "GetRolePolicy" or "DeleteRolePolicy":
                await ErrorAsync(context, 404, "NoSuchEntity", $"The role policy with name {policy} cannot be found.");
                return;
            default:
                await ErrorAsync(context, 400, "InvalidAction", $"Could not find operation {action} for version 2010-05-08");
                return;
        }
    }

    /// <summary>The inline policy SlackJit keeps on the sandbox role under <paramref name="policy"/>, if any.</summary>
    public string? Find(string policy) =>
        _policies.TryGetValue((SandboxAccount.RoleName, policy), out var document) ? document : null;

    private static Task OkAsync(HttpContext context, string action, string result)
    {
        context.Response.ContentType = "text/xml";
        return context.Response.WriteAsync(
            $"<{action}Response xmlns=\"{Namespace}\">{result}<ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>",
            context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        return context.Response.WriteAsync(
            $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{Escape(message)}</Message></Error>" +
            $"<RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>",
            context.RequestAborted);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
