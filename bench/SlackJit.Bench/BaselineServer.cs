using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace SlackJit.Bench;

/// <summary>
/// The yardstick: a bare ASP.NET Core endpoint that only verifies Slack's signature and parses the form,
/// then answers an ephemeral text. Run as its own process, like the app.
/// </summary>
internal static class BaselineServer
{
    public const string Mode = "baseline-server";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Map(app);
        await app.RunAsync();
    }

    /// <summary>The endpoint itself, also hosted in-process by <see cref="AllocationBenchmark"/>.</summary>
    public static void Map(WebApplication app)
    {
        var secret = Encoding.UTF8.GetBytes(BenchSettings.SigningSecret);
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/slack/commands", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var ts = request.Headers["X-Slack-Request-Timestamp"].ToString();
            var claimed = request.Headers["X-Slack-Signature"].ToString();
            var mac = HMACSHA256.HashData(secret, (byte[])[.. Encoding.ASCII.GetBytes($"v0:{ts}:"), .. body]);
            var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
            if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(claimed)))
            {
                return Results.StatusCode(401);
            }
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            return Results.Json(new { response_type = "ephemeral", text = $"ok {form["user_id"]} {form["text"]}" });
        });
    }
}
