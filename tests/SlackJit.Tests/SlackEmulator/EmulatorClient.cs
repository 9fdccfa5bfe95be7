using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SlackJit.Tests.SlackEmulator;

/// <summary>Calls an emulator's Web API over HTTP as an app would (bearer token, JSON body).</summary>
internal sealed class EmulatorClient(SlackJit.SlackEmulator.EmulatedSlack slack) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<(int Status, JsonObject Body, string? RetryAfter)> CallAsync(string method, JsonObject args)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(slack.ApiBaseUrl), method))
        {
            Content = JsonContent.Create(args),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", slack.Tokens.BotToken);
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonObject Body, string? RetryAfter)> PostAsync(string url, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        return await SendAsync(request);
    }

    private async Task<(int, JsonObject, string?)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject(), retryAfter);
    }

    public static JsonObject Modal(string title = "Title", string? callbackId = "cb") => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = title },
        ["close"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Close" },
        ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hi" } }),
    };

    public void Dispose() => _http.Dispose();
}
