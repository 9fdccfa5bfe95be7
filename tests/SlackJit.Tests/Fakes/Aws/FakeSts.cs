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

    /// <summary>The secret every stub's key pairs with (the stub checks which key signed, as STS does).</summary>
    public const string SecretKey = "fake-bot-secret";

    // Live stubs by address: a client built elsewhere for a stub's address signs with that stub's key.
    private static readonly ConcurrentDictionary<string, string> s_keysByUrl = new(StringComparer.Ordinal);

    private readonly LoopbackFaults<StsFault> _faults = new(f => f.Delay);
    private int _refusedCalls;
    private readonly ConcurrentQueue<StsCall> _calls = new();
    private readonly ConcurrentQueue<FakeStsCredentials> _issued = new();
    private readonly TimeProvider _time;
    private LoopbackServer? _server;

    private FakeSts(TimeProvider time)
    {
        _time = time;
        _secrets = new Dictionary<string, string>(StringComparer.Ordinal) { [AccessKeyId] = SecretKey };
    }

    // The one key this stub's account knows.
    private readonly Dictionary<string, string> _secrets;

    public Uri Url => _server!.Url;

    /// <summary>
    /// This stub's own access key. A request signed with another key (a client of an earlier stub that had the same
    /// port, still retrying after its test ended) is refused with <c>InvalidClientTokenId</c> and not recorded.
    /// </summary>
    public string AccessKeyId { get; } = "AKIA" + RandomText(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    /// <summary>
    /// Requests refused before STS would read them, none of them recorded: unsigned, signed with another key, or with a
    /// signature that does not match.
    /// </summary>
    public int RefusedCalls => Volatile.Read(ref _refusedCalls);

    /// <summary>The access key of the live stub at <paramref name="serviceUrl"/> (as a client's <c>ServiceURL</c>).</summary>
    public static string AccessKeyFor(string serviceUrl) => s_keysByUrl[serviceUrl];

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
        s_keysByUrl[sts.Url.ToString()] = sts.AccessKeyId;
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
        return new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(AccessKeyId, SecretKey), config);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        // Checked as STS checks it before anything else: the signature over exactly these bytes, by this stub's key. A
        // request that fails (unsigned: another test's Slack call that reached a reused port; another stub's key: a
        // client still retrying after its test ended) is answered as STS would and never counts as this test's call.
        var auth = context.Request.Headers.Authorization.ToString();
        var region = CredentialScopeRegion(auth) ?? "us-east-1";
        if (SigV4Verifier.Verify(context.Request, body, _secrets, "sts", region, DateTimeOffset.UtcNow) is { } bad)
        {
            Interlocked.Increment(ref _refusedCalls);
            await WriteXmlAsync(context, bad.Code is "MissingAuthenticationToken" or "InvalidClientTokenId" or "SignatureDoesNotMatch" ? 403 : 400,
                ErrorXml(StsFault.Error(403, bad.Code, bad.Message)));
            return;
        }
        var form = context.Request.HasFormContentType
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body))
                .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : [];
        var call = new StsCall(form, region);
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
    private static string? CredentialScopeRegion(string authorization) =>
        CredentialScope(authorization) is { Length: >= 5 } scope ? scope[2] : null;

    // Credential=<key>/<date>/<region>/<service>/aws4_request
    private static string[]? CredentialScope(string authorization)
    {
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        return start < 0 ? null : authorization[(start + "Credential=".Length)..].Split(',')[0].Split('/');
    }

    private static string RandomText(int length, string alphabet) => RandomNumberGenerator.GetString(alphabet, length);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            s_keysByUrl.TryRemove(new KeyValuePair<string, string>(Url.ToString(), AccessKeyId));
            await _server.DisposeAsync();
        }
    }
}
