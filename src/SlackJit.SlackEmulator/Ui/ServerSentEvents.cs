using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator.Ui;

/// <summary><c>text/event-stream</c> of workspace changes: one <c>change</c> event naming the channel (empty for modals and the directory).</summary>
internal static class ServerSentEvents
{
    public static async Task StreamAsync(HttpContext context, SlackWorkspace ws)
    {
        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(string? channel) => changes.Writer.TryWrite(channel ?? "");

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        ws.Changed += OnChanged;
        try
        {
            await context.Response.WriteAsync("retry: 1000\nevent: ready\ndata: \n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var channel in changes.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"event: change\ndata: {channel}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page went away.
        }
        finally
        {
            ws.Changed -= OnChanged;
        }
    }
}
