using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlackJit.Bench;

/// <summary>A minimal loopback Slack Web API that answers ok for what the request path calls.</summary>
internal sealed class SlackStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;

    private SlackStub(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";
    public long Calls => Interlocked.Read(ref _calls);

    /// <param name="holdAfterAck">
    /// Never answer anything but <c>users.info</c> (which the ack path itself calls, once per requester) until the stub
    /// stops: the few queue workers wait on their first card post or App Home publish and do nothing more, so an
    /// ack-only run measures the ack path alone.
    /// </param>
    public static async Task<SlackStub> StartAsync(bool holdAfterAck = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new SlackStub(app);
        app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            if (holdAfterAck && method != "users.info")
            {
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            Interlocked.Increment(ref stub._calls);
            var user = request.HasFormContentType ? request.Form["user"].ToString() : "U0";
            JsonObject body = method switch
            {
                "users.info" => new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = user, ["team_id"] = "T0BENCH", ["is_bot"] = false, ["deleted"] = false } },
                "chat.postMessage" => new() { ["ok"] = true, ["channel"] = BenchSettings.ApproverChannel, ["ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Random.Shared.Next(100000, 999999)}" },
                "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D0BENCH" } },
                _ => new() { ["ok"] = true },
            };
            return Results.Text(body.ToJsonString(), "application/json");
        });
        app.MapPost("/hooks/{id}", () => Results.Ok());
        await app.StartAsync();
        stub.ApiBaseUrl = app.Urls.First().TrimEnd('/') + "/api/";
        return stub;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
