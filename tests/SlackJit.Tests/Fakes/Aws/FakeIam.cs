using System.Collections.Concurrent;
using System.Security;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Microsoft.AspNetCore.Http;
using SlackJit.Aws.Iam;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>
/// A loopback IAM speaking the Query API (form in, XML out) for a role's inline policies. Like IAM it checks every
/// request's SigV4 signature against the secret keys it knows and refuses bad ones with IAM's error XML; it keeps
/// each role's inline policies and enforces IAM's 10,240-character limit on their total (whitespace not counted).
/// </summary>
public sealed class FakeIam : IAsyncDisposable
{
    public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";
    public const string AccessKeyId = "AKIAFAKEBOTKEY000001";
    public const string SecretKey = "fake-bot-secret-for-sigv4/xyz+0123456789";
    public const int MaxInlinePolicyCharacters = 10_240;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IamCall> _calls = new();
    private readonly ConcurrentQueue<IamFault> _next = new();
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal) { [AccessKeyId] = SecretKey };
    private readonly Lock _write = new();
    private LoopbackServer? _server;

    private FakeIam()
    {
    }

    public Uri Url => _server!.Url;

    public IReadOnlyList<IamCall> Calls => [.. _calls];

    /// <summary>Awaited before a PutRolePolicy is applied (after its signature is checked): lets a test hold one writer back.</summary>
    public Func<IReadOnlyDictionary<string, string>, Task>? BeforePut { get; set; }

    /// <summary>Starts IAM with the given roles, each with no inline policy.</summary>
    public static async Task<FakeIam> StartAsync(params string[] roleNames)
    {
        var iam = new FakeIam();
        foreach (var role in roleNames)
        {
            iam.AddRole(role);
        }
        iam._server = await LoopbackServer.StartAsync(iam.HandleAsync);
        return iam;
    }

    public void AddRole(string roleName) => _roles.TryAdd(roleName, new ConcurrentDictionary<string, string>(StringComparer.Ordinal));

    public void FailNext(IamFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _next.Enqueue(fault);
        }
    }

    /// <summary>The role's inline policy document, or null.</summary>
    public string? Policy(string roleName, string policyName) =>
        _roles.TryGetValue(roleName, out var policies) && policies.TryGetValue(policyName, out var doc) ? doc : null;

    /// <summary>Sets an inline policy directly (e.g. the role's own s3-read policy, which counts toward the limit).</summary>
    public void SetPolicy(string roleName, string policyName, string document) => _roles[roleName][policyName] = document;

    /// <summary>
    /// Whether a session of <paramref name="roleName"/> tagged <c>jit-request-id = <paramref name="requestId"/></c> is
    /// denied everything by one of the role's inline policies (a Deny of * on * conditioned on that principal tag).
    /// </summary>
    public bool DeniesSession(string roleName, string requestId) =>
        _roles.TryGetValue(roleName, out var policies) && policies.Values.Any(doc => DeniesTag(doc, requestId));

    /// <summary>Settings for <see cref="IamClientSettings"/>: this server, signed with <paramref name="secret"/> (default: the right one).</summary>
    internal IamClientSettings ClientSettings(string secret = SecretKey, string accessKeyId = AccessKeyId) => new(
        _ => new IamEndpoint(Url, RegionEndpoint.USEast1),
        _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(accessKeyId, secret)));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        // The body is read once, as bytes: the signature covers exactly these.
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var action = form.GetValueOrDefault("Action") ?? "";

        if (SigV4Verifier.Verify(context.Request, body, _secrets, "iam", "us-east-1", DateTimeOffset.UtcNow) is { } bad)
        {
            await ErrorAsync(context, action, form, bad.Code == "SignatureDoesNotMatch" || bad.Code == "InvalidClientTokenId" ? 403 : 400, bad.Code, bad.Message);
            return;
        }
        if (_next.TryDequeue(out var fault))
        {
            await ErrorAsync(context, action, form, fault.Status, fault.Code, fault.Message);
            return;
        }
        if (form.GetValueOrDefault("Version") != "2010-05-08")
        {
            await ErrorAsync(context, action, form, 400, "InvalidParameterValue", "Version must be 2010-05-08");
            return;
        }
        var roleName = form.GetValueOrDefault("RoleName") ?? "";
        var policyName = form.GetValueOrDefault("PolicyName") ?? "";
        if (!_roles.TryGetValue(roleName, out var policies))
        {
            await ErrorAsync(context, action, form, 404, "NoSuchEntity", $"The role with name {roleName} cannot be found.");
            return;
        }
        switch (action)
        {
            case "GetRolePolicy":
                if (!policies.TryGetValue(policyName, out var doc))
                {
                    await ErrorAsync(context, action, form, 404, "NoSuchEntity", $"The role policy with name {policyName} cannot be found.");
                    return;
                }
                await OkAsync(context, action, form,
                    $"<GetRolePolicyResult><PolicyName>{SecurityElement.Escape(policyName)}</PolicyName><RoleName>{SecurityElement.Escape(roleName)}</RoleName>" +
                    $"<PolicyDocument>{SecurityElement.Escape(Uri.EscapeDataString(doc))}</PolicyDocument></GetRolePolicyResult>");
                return;
            case "PutRolePolicy":
                await PutAsync(context, form, roleName, policyName, policies);
                return;
            case "DeleteRolePolicy":
                if (!policies.TryRemove(policyName, out _))
                {
                    await ErrorAsync(context, action, form, 404, "NoSuchEntity", $"The role policy with name {policyName} cannot be found.");
                    return;
                }
                await OkAsync(context, action, form, "");
                return;
            default:
                await ErrorAsync(context, action, form, 400, "InvalidAction", $"Could not find operation {action} for version 2010-05-08");
                return;
        }
    }

    private async Task PutAsync(HttpContext context, Dictionary<string, string> form, string roleName, string policyName, ConcurrentDictionary<string, string> policies)
    {
        var document = form.GetValueOrDefault("PolicyDocument") ?? "";
        try
        {
            using var parsed = JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, "PutRolePolicy", form, 400, "MalformedPolicyDocument", "Syntax errors in policy.");
            return;
        }
        if (BeforePut is { } hold)
        {
            await hold(form);
        }
        bool fits;
        lock (_write)
        {
            var total = policies.Where(p => p.Key != policyName).Sum(p => NonWhitespace(p.Value)) + NonWhitespace(document);
            fits = total <= MaxInlinePolicyCharacters;
            if (fits)
            {
                policies[policyName] = document;
            }
        }
        if (!fits)
        {
            await ErrorAsync(context, "PutRolePolicy", form, 409, "LimitExceeded",
                $"Maximum policy size of {MaxInlinePolicyCharacters} bytes exceeded for role {roleName}");
            return;
        }
        await OkAsync(context, "PutRolePolicy", form, "");
    }

    private async Task OkAsync(HttpContext context, string action, Dictionary<string, string> form, string result)
    {
        _calls.Enqueue(new IamCall(action, form, 200, null));
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(
            $"<{action}Response xmlns=\"{Namespace}\">{result}<ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>");
    }

    private Task ErrorAsync(HttpContext context, string action, Dictionary<string, string> form, int status, string code, string message)
    {
        _calls.Enqueue(new IamCall(action, form, status, code));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        return context.Response.WriteAsync(
            $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>{(status >= 500 ? "Receiver" : "Sender")}</Type><Code>{code}</Code>" +
            $"<Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>");
    }

    private static int NonWhitespace(string text) => text.Count(c => !char.IsWhiteSpace(c));

    private static bool DeniesTag(string document, string requestId)
    {
        using var doc = JsonDocument.Parse(document);
        var statements = doc.RootElement.GetProperty("Statement");
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements])
        {
            if (statement.GetProperty("Effect").GetString() != "Deny" || !Is(statement.GetProperty("Action"), "*") ||
                !Is(statement.GetProperty("Resource"), "*") || !statement.TryGetProperty("Condition", out var condition) ||
                !condition.TryGetProperty("StringEquals", out var equals) || !equals.TryGetProperty("aws:PrincipalTag/jit-request-id", out var ids))
            {
                continue;
            }
            if (Is(ids, requestId))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Is(JsonElement value, string wanted) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Any(v => v.GetString() == wanted)
        : value.GetString() == wanted;
}
