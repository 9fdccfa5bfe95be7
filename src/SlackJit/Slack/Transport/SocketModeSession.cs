using System.Buffers;
using System.Net.WebSockets;

namespace SlackJit.Slack.Transport;

/// <summary>
/// One Socket Mode connection: reads whole text messages (reassembling fragments), acks envelopes
/// as they are handled (concurrently, so a slow one does not delay the others), and reports how it ended.
/// </summary>
internal sealed class SocketModeSession(SocketModeEnvelopeProcessor processor, ILogger<SocketModeSession> logger)
{
    /// <summary>Far above any real payload (a modal's state is a few KiB); bounds memory against a bad peer.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True once Slack said <c>hello</c> on the current connection: the link itself works.</summary>
    public bool SawHello { get; private set; }

    public async Task<SocketModeEnd> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        SawHello = false;
        using var socket = new ClientWebSocket();
        using var sendLock = new SemaphoreSlim(1, 1);
        var inFlight = new List<Task>();
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(ConnectTimeout);
                await socket.ConnectAsync(url, connect.Token);
            }
            SlackTransportLog.Connected(logger, url.Host);

            while (true)
            {
                var text = await ReceiveAsync(socket, cancellationToken);
                if (text is null)
                {
                    SlackTransportLog.ConnectionLost(logger, null);
                    return SocketModeEnd.Dropped;
                }
                if (!SocketModeMessage.TryParse(text, out var message))
                {
                    SlackTransportLog.BadMessage(logger, "not a JSON object with a type");
                    continue;
                }
                if (message.EnvelopeId is not null)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(AckAsync(socket, sendLock, message, cancellationToken));
                    continue;
                }
                switch (message.Type)
                {
                    case SocketModeMessage.Hello:
                        SawHello = true;
                        SlackTransportLog.Hello(logger);
                        break;
                    case SocketModeMessage.Disconnect when message.Reason == "link_disabled":
                        return SocketModeEnd.LinkDisabled;
                    case SocketModeMessage.Disconnect when message.Reason is "warning" or "refresh_requested":
                        SlackTransportLog.RefreshRequested(logger, message.Reason);
                        return SocketModeEnd.Refresh;
                    case SocketModeMessage.Disconnect:
                        SlackTransportLog.ConnectionLost(logger, null);
                        return SocketModeEnd.Dropped;
                    default:
                        SlackTransportLog.BadMessage(logger, "unexpected message type " + message.Type);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SocketModeEnd.Stopped;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidDataException or HttpRequestException)
        {
            SlackTransportLog.ConnectionLost(logger, ex);
            return SocketModeEnd.Dropped;
        }
        finally
        {
            // Acks still owed go out before the socket closes; the dispatcher bounds how long that takes.
            await Task.WhenAll(inFlight);
            await CloseQuietlyAsync(socket);
        }
    }

    private async Task AckAsync(WebSocket socket, SemaphoreSlim sendLock, SocketModeMessage envelope, CancellationToken ct)
    {
        var envelopeId = envelope.EnvelopeId!;
        try
        {
            var ack = await processor.AckAsync(envelope, ct);
            // One send at a time: WebSocket allows a single outstanding send.
            await sendLock.WaitAsync(ct);
            try
            {
                await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            SlackTransportLog.AckFailed(logger, envelopeId, ex);
        }
    }

    /// <summary>The next whole text message; null when the peer closed; binary messages are skipped.</summary>
    private static async Task<byte[]?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"Socket Mode message over {MaxMessageBytes} bytes.");
            }
            if (!result.EndOfMessage)
            {
                continue;
            }
            if (result.MessageType == WebSocketMessageType.Text)
            {
                return buffer.WrittenSpan.ToArray();
            }
            buffer.Clear();
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer is already gone; nothing is owed to it.
        }
    }
}
