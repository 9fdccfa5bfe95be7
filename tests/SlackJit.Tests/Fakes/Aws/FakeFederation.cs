using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>
/// A loopback AWS federation endpoint: <c>GET ?Action=getSigninToken&amp;Session=…</c> answers
/// <c>{"SigninToken":"…"}</c> with a fresh random token. Records calls; faults can be queued.
/// </summary>
public sealed class FakeFederation : IAsyncDisposable
{
    private readonly LoopbackFaults<FederationFault> _faults = new(f => f.Delay);
    private readonly ConcurrentQueue<FederationCall> _calls = new();
    private readonly ConcurrentQueue<string> _tokens = new();
    private LoopbackServer? _server;

    /// <summary>The endpoint to use as <c>Aws:SigninUrl</c>.</summary>
    public string SigninUrl => new Uri(_server!.Url, "federation").ToString();

    public IReadOnlyList<FederationCall> Calls => [.. _calls];

    private int _refusedCalls;

    /// <summary>Requests refused as not a sign-in token request (wrong method, action or session): never recorded.</summary>
    public int RefusedCalls => Volatile.Read(ref _refusedCalls);

    /// <summary>Every sign-in token handed out, in order.</summary>
    public IReadOnlyList<string> Tokens => [.. _tokens];

    /// <summary>When set, every call gets this fault (after the queued ones).</summary>
    public FederationFault? Always
    {
        get => _faults.Always;
        set => _faults.Always = value;
    }

    public static async Task<FakeFederation> StartAsync()
    {
        var federation = new FakeFederation();
        federation._server = await LoopbackServer.StartAsync(federation.HandleAsync);
        return federation;
    }

    public void FailNext(FederationFault fault, int times = 1) => _faults.FailNext(fault, times);

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        string? id = null, key = null, token = null;
        if (query.TryGetValue("Session", out var session))
        {
            try
            {
                using var doc = JsonDocument.Parse(session);
                id = doc.RootElement.TryGetProperty("sessionId", out var v1) ? v1.GetString() : null;
                key = doc.RootElement.TryGetProperty("sessionKey", out var v2) ? v2.GetString() : null;
                token = doc.RootElement.TryGetProperty("sessionToken", out var v3) ? v3.GetString() : null;
            }
            catch (JsonException)
            {
            }
        }
        var call = new FederationCall(query, id, key, token);
        if (call.Action != "getSigninToken" || id is null || key is null || token is null || context.Request.Method != "GET")
        {
            // Not a sign-in token request at all (in a test run: another host's call that reached a reused port): the
            // endpoint refuses it, and it takes no queued fault and never counts as this test's call.
            Interlocked.Increment(ref _refusedCalls);
            context.Response.StatusCode = 400;
            return;
        }
        _calls.Enqueue(call);

        var (fault, aborted) = await _faults.TakeAsync(context);
        if (aborted)
        {
            return;
        }
        if (fault is { Status: > 0 })
        {
            context.Response.StatusCode = fault.Status;
            await context.Response.WriteAsync(fault.Body ?? "", context.RequestAborted);
            return;
        }

        var signinToken = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 120);
        _tokens.Enqueue(signinToken);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { SigninToken = signinToken }), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
