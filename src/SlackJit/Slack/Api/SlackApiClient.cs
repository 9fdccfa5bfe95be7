using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace SlackJit.Slack.Api;

/// <summary>
/// <see cref="ISlackApi"/> over a named <see cref="HttpClient"/> (base address <c>Slack:ApiBaseUrl</c>) whose handler
/// chain carries <see cref="SlackApiResilience"/>. A singleton: it asks the factory for a client per call, so handler
/// rotation keeps working.
/// </summary>
internal sealed class SlackApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SlackOptions> options,
    ILogger<SlackApiClient> logger) : ISlackApi
{
    public const string HttpClientName = "slack-api";
    private const string ResponseUrlMethod = "response_url";

    public async Task<SlackMessageRef> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        const string method = "chat.postMessage";
        var body = JsonBody(writer =>
        {
            writer.WriteString("channel", channel);
            WriteMessage(writer, message);
            if (message.ThreadTs is { Length: > 0 } threadTs)
            {
                writer.WriteString("thread_ts", threadTs);
            }
            // Never let Slack fetch our links (a console sign-in link must not be opened by an unfurler).
            writer.WriteBoolean("unfurl_links", false);
            writer.WriteBoolean("unfurl_media", false);
        });
        var json = await CallAsync(method, body, idempotent: false, cancellationToken);
        return new SlackMessageRef(Required(json, "channel", method), Required(json, "ts", method));
    }

    public async Task<SlackMessageRef> UpdateMessageAsync(SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        const string method = "chat.update";
        var body = JsonBody(writer =>
        {
            writer.WriteString("channel", target.Channel);
            writer.WriteString("ts", target.Ts);
            WriteMessage(writer, message);
        });
        // Writing the same content twice leaves the same message: safe to retry.
        var json = await CallAsync(method, body, idempotent: true, cancellationToken);
        return new SlackMessageRef(
            Optional(json, "channel") ?? target.Channel,
            Optional(json, "ts") ?? target.Ts);
    }

    public async Task DeleteMessageAsync(SlackMessageRef target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        const string method = "chat.delete";
        var body = JsonBody(writer =>
        {
            writer.WriteString("channel", target.Channel);
            writer.WriteString("ts", target.Ts);
        });
        // A second delete of the same message answers message_not_found, which callers take as "gone": safe to retry.
        await CallAsync(method, body, idempotent: true, cancellationToken);
    }

    public async Task<string> PostEphemeralAsync(string channel, string userId, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(message);
        const string method = "chat.postEphemeral";
        var body = JsonBody(writer =>
        {
            writer.WriteString("channel", channel);
            writer.WriteString("user", userId);
            WriteMessage(writer, message);
        });
        var json = await CallAsync(method, body, idempotent: false, cancellationToken);
        return Optional(json, "message_ts") ?? "";
    }

    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        const string method = "conversations.open";
        var body = JsonBody(writer => writer.WriteString("users", userId));
        // Opening an open DM returns the same channel: safe to retry.
        var json = await CallAsync(method, body, idempotent: true, cancellationToken);
        return json["channel"] is JsonObject channel ? Required(channel, "id", method) : throw Invalid(method);
    }

    public async Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        const string method = "users.info";
        var json = await CallAsync(method, Form(("user", userId)), idempotent: true, cancellationToken);
        if (json["user"] is not JsonObject user)
        {
            throw Invalid(method);
        }
        return new SlackUserInfo(
            Required(user, "id", method),
            Optional(user, "team_id") ?? "",
            Flag(user, "is_bot"),
            Flag(user, "is_restricted"),
            Flag(user, "is_ultra_restricted"),
            Flag(user, "deleted"),
            Optional(user, "tz"));
    }

    public async Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userGroupId);
        const string method = "usergroups.users.list";
        var json = await CallAsync(method, Form(("usergroup", userGroupId)), idempotent: true, cancellationToken);
        if (json["users"] is not JsonArray users)
        {
            throw Invalid(method);
        }
        return [.. users.Select(u => u is JsonValue v && v.TryGetValue<string>(out var id) ? id : null).OfType<string>()];
    }

    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        const string method = "views.open";
        var body = JsonBody(writer =>
        {
            writer.WriteString("trigger_id", triggerId);
            writer.WritePropertyName("view");
            view.WriteTo(writer);
        });
        // A trigger_id is single-use: a retry after an ambiguous failure could only fail.
        var json = await CallAsync(method, body, idempotent: false, cancellationToken);
        return json["view"] is JsonObject opened ? Optional(opened, "id") ?? "" : "";
    }

    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        const string method = "auth.test";
        var json = await CallAsync(method, Form(), idempotent: true, cancellationToken);
        return new SlackAuthInfo(
            Required(json, "team_id", method),
            Optional(json, "team") ?? "",
            Required(json, "user_id", method),
            Optional(json, "bot_id"),
            Optional(json, "app_id"));
    }

    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!ResponseUrlPolicy.TryAccept(responseUrl, ApiBase, out var url))
        {
            var host = Uri.TryCreate(responseUrl, UriKind.Absolute, out var parsed) ? parsed.IdnHost : "(not a URL)";
            SlackApiLog.RefusedResponseUrl(logger, host);
            throw new SlackApiException(ResponseUrlMethod, SlackErrors.InvalidResponseUrl);
        }

        // No Authorization header: the URL itself is the credential, and the bot token must not travel there.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody(body) };
        await SendAsync(ResponseUrlMethod, request, idempotent: false, envelopeRequired: false, cancellationToken);
    }

    private Uri ApiBase => new(options.Value.ApiBaseUrl, UriKind.Absolute);

    private async Task<JsonObject> CallAsync(string method, HttpContent content, bool idempotent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        return await SendAsync(method, request, idempotent, envelopeRequired: true, cancellationToken);
    }

    private async Task<JsonObject> SendAsync(
        string method, HttpRequestMessage request, bool idempotent, bool envelopeRequired, CancellationToken cancellationToken)
    {
        request.Options.Set(SlackApiResilience.IdempotentKey, idempotent);
        request.Options.Set(SlackApiResilience.MethodKey, method);
        // Wall-clock elapsed time for the log only; no decision depends on it.
        var started = Stopwatch.GetTimestamp();
        var client = httpClientFactory.CreateClient(HttpClientName);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(method, SlackErrors.Timeout, null, started, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(method, SlackErrors.Timeout, null, started, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(method, SlackErrors.NetworkError, null, started, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            JsonObject? json;
            try
            {
                json = await ReadJsonAsync(response, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw Fail(method, SlackErrors.NetworkError, status, started, ex);
            }

            if (json?["ok"] is JsonValue okValue && okValue.TryGetValue<bool>(out var ok))
            {
                if (!ok)
                {
                    throw Fail(method, Optional(json, "error") ?? "unknown_error", status, started);
                }
                if (Optional(json, "warning") is { } warning)
                {
                    SlackApiLog.Warned(logger, method, warning);
                }
                SlackApiLog.Succeeded(logger, method, status, ElapsedMs(started));
                return json;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw Fail(method, SlackErrors.RateLimited, status, started);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw Fail(method, SlackErrors.HttpStatus(status), status, started);
            }
            if (envelopeRequired)
            {
                throw Fail(method, SlackErrors.InvalidResponse, status, started);
            }
            SlackApiLog.Succeeded(logger, method, status, ElapsedMs(started));
            return json ?? [];
        }
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            // response_url answers may be plain text ("ok"); the caller decides whether that is acceptable.
            return null;
        }
    }

    private SlackApiException Fail(string method, string error, int? status, long started, Exception? inner = null)
    {
        SlackApiLog.Failed(logger, method, error, status, ElapsedMs(started));
        return new SlackApiException(method, error, status, inner);
    }

    private static SlackApiException Invalid(string method) => new(method, SlackErrors.InvalidResponse);

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static void WriteMessage(Utf8JsonWriter writer, SlackMessage message)
    {
        writer.WriteString("text", message.Text);
        if (message.Blocks is { } blocks)
        {
            writer.WritePropertyName("blocks");
            blocks.WriteTo(writer);
        }
    }

    private static ByteArrayContent JsonBody(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return JsonContent(buffer.WrittenSpan.ToArray());
    }

    private static ByteArrayContent JsonBody(JsonObject body) =>
        JsonContent(JsonSerializer.SerializeToUtf8Bytes(body));

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string? Optional(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Required(JsonObject json, string name, string method) =>
        Optional(json, name) is { Length: > 0 } text ? text : throw Invalid(method);

    private static bool Flag(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
