using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>The server side of one Socket Mode connection, scripted by a test.</summary>
internal sealed class FakeSocketConnection(WebSocket socket, HttpContext context)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends one message split across several frames, as WebSocket servers may.</summary>
    public async Task SendFragmentedAsync(string json, int pieces)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = (bytes.Length + pieces - 1) / pieces;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var last = offset + size >= bytes.Length;
            await socket.SendAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), WebSocketMessageType.Text, last, CancellationToken.None);
        }
    }

    /// <summary>The next text message from the client; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout) => await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => context.Abort();

    public async Task PumpAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                _received.Writer.TryWrite(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException)
        {
            // The test dropped the connection or the server is stopping.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
