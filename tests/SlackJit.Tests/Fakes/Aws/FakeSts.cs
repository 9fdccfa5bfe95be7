using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.AspNetCore.Http;
using SlackJit.Tests.Fakes.Net;
using SlackJit.Playground.Sandbox;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>
/// A loopback STS answering <c>Action=AssumeRole</c> in STS's real query/XML wire format, so the
/// SDK's own signing, serialization, retries and parsing run. Records every call; faults can be
/// queued for the next calls or set for all of them.
/// </summary>
public sealed class FakeSts : IAsyncDisposable
{
    public const string Namespace = StsXml.Namespace;
    public const string RoleId = "AROAFAKEROLEID0000001";

    private readonly LoopbackFaults<StsFault> _faults = new(f => f.Delay);
    private readonly ConcurrentQueue<StsCall> _calls = new();
    private readonly ConcurrentQueue<FakeStsCredentials> _issued = new();
    private readonly TimeProvider _time;
    private LoopbackServer? _server;

    private FakeSts(TimeProvider time) => _time = time;

    public Uri Url => _server!.Url;

    /// <summary>Every call received, faulted ones included, in arrival order.</summary>
    public IReadOnlyList<StsCall> Calls => [.. _calls];

    /// <summary>Every credential set answered, in order.</summary>
    public IReadOnlyList<FakeStsCredentials> Issued => [.. _issued];

    /// <summary>When set, every call gets this fault (after the queued ones).</summary>
    public StsFault? Always
    {
        get => _faults.Always;
        set => _faults.Always = value;
    }

    public static async Task<FakeSts> StartAsync(TimeProvider? time = null)
    {
        var sts = new FakeSts(time ?? TimeProvider.System);
        sts._server = await LoopbackServer.StartAsync(sts.HandleAsync);
        return sts;
    }

    /// <summary>The next <paramref name="times"/> calls get <paramref name="fault"/>.</summary>
    public void FailNext(StsFault fault, int times = 1) => _faults.FailNext(fault, times);

    /// <summary>An SDK client pointed at this stub with static test credentials (no credential chain, no metadata probe).</summary>
    public AmazonSecurityTokenServiceClient CreateClient(TimeSpan? timeout = null, int maxErrorRetry = 3, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = Url.ToString(),
            AuthenticationRegion = "us-east-1",
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxErrorRetry = maxErrorRetry,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }
        return new AmazonSecurityTokenServiceClient(new BasicAWSCredentials("AKIAFAKEBOTKEY000001", "fake-bot-secret"), config);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var auth = context.Request.Headers.Authorization.ToString();
        var signed = auth.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal);
        var call = new StsCall(form, signed, signed ? CredentialScopeRegion(auth) : null);
        _calls.Enqueue(call);

        var (fault, aborted) = await _faults.TakeAsync(context);
        if (aborted)
        {
            return;
        }
        if (fault is { Status: > 0 })
        {
            await WriteXmlAsync(context, fault.Status, ErrorXml(fault));
            return;
        }
        if (call.Action != "AssumeRole" || call.RoleArn is null || call.RoleSessionName is null)
        {
            await WriteXmlAsync(context, 400, ErrorXml(StsFault.Error(400, "ValidationError", "missing AssumeRole parameters")));
            return;
        }

        var credentials = NewCredentials(call);
        _issued.Enqueue(credentials);
        await WriteXmlAsync(context, 200, SuccessXml(call, credentials));
    }

    private FakeStsCredentials NewCredentials(StsCall call) => new(
        AccessKeyId: "ASIA" + RandomText(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
        SecretAccessKey: RandomText(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"),
        SessionToken: "FQoG" + RandomText(200, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"),
        Expiration: _time.GetUtcNow().AddSeconds(call.DurationSeconds ?? 3600),
        AssumedRoleId: $"{RoleId}:{call.RoleSessionName}");

    private static string SuccessXml(StsCall call, FakeStsCredentials c) => StsXml.AssumeRoleResponse(
        call.RoleArn!,
        call.RoleSessionName!,
        call.SourceIdentity,
        c.AssumedRoleId,
        c.AccessKeyId,
        c.SecretAccessKey,
        c.SessionToken,
        c.Expiration,
        call.Policy is null ? 0 : Math.Min(100, call.Policy.Length / 20));

    private static string ErrorXml(StsFault fault) => StsXml.Error(fault.Type, fault.Code ?? "InternalFailure", fault.Message ?? "error");

    private static async Task WriteXmlAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    /// <summary>The region in <c>Credential=AKID/DATE/REGION/sts/aws4_request</c>.</summary>
    private static string? CredentialScopeRegion(string authorization)
    {
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var scope = authorization[(start + "Credential=".Length)..].Split(',')[0].Split('/');
        return scope.Length >= 5 ? scope[2] : null;
    }

    private static string RandomText(int length, string alphabet) => RandomNumberGenerator.GetString(alphabet, length);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
