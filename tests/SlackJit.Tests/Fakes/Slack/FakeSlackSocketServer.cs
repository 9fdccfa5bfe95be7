using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>
/// A loopback stand-in for Slack's Socket Mode: <c>POST /api/apps.connections.open</c> hands out
/// <c>ws://127.0.0.1:…/link?ticket=…</c>, and each WebSocket accepted there is queued for the test to script.
/// </summary>
internal sealed class FakeSlackSocketServer : IAsyncDisposable
{
    public const string Ticket = "ticket-not-for-logs";

    private LoopbackServer? _loopback;
    private readonly Channel<FakeSocketConnection> _connections = Channel.CreateUnbounded<FakeSocketConnection>();
    private readonly ConcurrentDictionary<HttpContext, FakeSocketConnection> _open = new();
    private int _openCalls;

    private FakeSlackSocketServer()
    {
    }

    public string BaseUrl { get; private set; } = "";
    public int OpenCalls => Volatile.Read(ref _openCalls);
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>The <c>apps.connections.open</c> body for call number n (1-based); null means a working URL.</summary>
    public Func<int, string?> OpenResponse { get; set; } = _ => null;

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var server = new FakeSlackSocketServer();
        server._loopback = await LoopbackServer.StartAsync(
            app =>
            {
                app.UseWebSockets();
                app.MapPost("/api/apps.connections.open", (HttpContext ctx) => server.Open(ctx));
                app.Map("/link", server.AcceptAsync);
            },
            builder => builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        server.BaseUrl = new Uri(server._loopback.Url, "api/").ToString();
        return server;
    }

    public async Task<FakeSocketConnection> NextConnectionAsync(TimeSpan timeout) =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    private IResult Open(HttpContext ctx)
    {
        var call = Interlocked.Increment(ref _openCalls);
        Authorizations.Enqueue(ctx.Request.Headers.Authorization.ToString());
        var body = OpenResponse(call);
        var host = ctx.Request.Host;
        return Results.Content(body ?? $$"""{"ok":true,"url":"ws://{{host}}/link?ticket={{Ticket}}-{{call}}"}""", "application/json");
    }

    private async Task AcceptAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSocketConnection(socket, ctx);
        _open[ctx] = connection;
        _connections.Writer.TryWrite(connection);
        try
        {
            await connection.PumpAsync(ctx.RequestAborted);
        }
        finally
        {
            _open.TryRemove(ctx, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ctx in _open.Keys)
        {
            try
            {
                ctx.Abort();
            }
            catch (ObjectDisposedException)
            {
                // That connection finished meanwhile.
            }
        }
        if (_loopback is not null)
        {
            await _loopback.DisposeAsync();
        }
    }
}
