using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>
/// A loopback stand-in for Slack's Socket Mode sockets: each WebSocket accepted at <see cref="LinkUrl"/> is queued for
/// the test to script. <c>apps.connections.open</c> is the emulator's (<see cref="FakeSlackApi.SocketModeUrl"/> hands
/// out <see cref="LinkUrl"/>), so it checks the app token and records each call like any Web API method.
/// </summary>
internal sealed class FakeSlackSocketServer : IAsyncDisposable
{
    public const string Ticket = "ticket-not-for-logs";

    private LoopbackServer? _loopback;
    private readonly Channel<FakeSocketConnection> _connections = Channel.CreateUnbounded<FakeSocketConnection>();
    private readonly ConcurrentDictionary<HttpContext, FakeSocketConnection> _open = new();

    private FakeSlackSocketServer()
    {
    }

    /// <summary><c>ws://127.0.0.1:…/link?ticket=…</c>: what <c>apps.connections.open</c> answers.</summary>
    public string LinkUrl { get; private set; } = "";

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var server = new FakeSlackSocketServer();
        server._loopback = await LoopbackServer.StartAsync(
            app =>
            {
                app.UseWebSockets();
                app.Map("/link", server.AcceptAsync);
            },
            builder => builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        server.LinkUrl = $"ws://{server._loopback.Url.Authority}/link?ticket={Ticket}";
        return server;
    }

    public async Task<FakeSocketConnection> NextConnectionAsync(TimeSpan timeout) =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(timeout);

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
