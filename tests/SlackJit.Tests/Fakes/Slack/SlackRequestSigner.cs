using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>
/// Builds requests the way Slack sends them: form-encoded and signed with <c>v0</c> HMAC-SHA256.
/// Computes the signature itself (not through the app's verifier) so tests check the scheme, not an echo.
/// Use it in end-to-end tests: <c>await client.SendAsync(signer.Command("/s3-access", "bucket 1h why"))</c>.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider? time = null)
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string DefaultUserId = "U0REQUESTER";
    public const string DefaultTeamId = "T0TEAM";
    public const string DefaultChannelId = "C0CHANNEL";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>A signed <c>POST /slack/commands</c> with the fields Slack sends for a slash command.</summary>
    public HttpRequestMessage Command(
        string command,
        string text = "",
        string userId = DefaultUserId,
        string teamId = DefaultTeamId,
        string channelId = DefaultChannelId,
        string triggerId = "1337.42.abcdef",
        string responseUrl = "https://hooks.slack.test/commands/T0TEAM/1/abc") =>
        Form(CommandsPath, new Dictionary<string, string>
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = teamId,
            ["team_domain"] = "testteam",
            ["channel_id"] = channelId,
            ["channel_name"] = "general",
            ["user_id"] = userId,
            ["user_name"] = "not-to-be-trusted",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0APP",
            ["response_url"] = responseUrl,
            ["trigger_id"] = triggerId,
        });

    /// <summary>A signed <c>POST /slack/interactions</c> whose single field <c>payload</c> holds <paramref name="payload"/>.</summary>
    public HttpRequestMessage Interaction(JsonNode payload) => Interaction(payload.ToJsonString());

    public HttpRequestMessage Interaction(string payloadJson) =>
        Form(InteractionsPath, new Dictionary<string, string> { ["payload"] = payloadJson });

    /// <summary>Any form, URL-encoded as Slack does and signed at the current time.</summary>
    public HttpRequestMessage Form(string path, IReadOnlyDictionary<string, string> fields) =>
        Raw(path, Encode(fields));

    /// <summary>A raw body signed as-is; <paramref name="timestamp"/> defaults to now.</summary>
    public HttpRequestMessage Raw(
        string path,
        string body,
        long? timestamp = null,
        string contentType = "application/x-www-form-urlencoded")
    {
        var ts = (timestamp ?? _time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", Sign(signingSecret, ts, body));
        return request;
    }

    /// <summary><c>v0=</c> + lowercase hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Form encoding as Slack sends it: spaces as <c>+</c>, everything else percent-encoded.</summary>
    public static string Encode(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Escape(f.Key)}={Escape(f.Value)}"));

    /// <summary>A <c>block_actions</c> payload for one button click on a message.</summary>
    public static JsonObject BlockActions(
        string actionId,
        string? value = null,
        string userId = DefaultUserId,
        string teamId = DefaultTeamId,
        string channelId = DefaultChannelId,
        string messageTs = "1700000000.000100",
        string blockId = "actions") => new()
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "not-to-be-trusted", ["team_id"] = teamId },
            ["api_app_id"] = "A0APP",
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = messageTs,
                ["channel_id"] = channelId,
                ["is_ephemeral"] = false,
            },
            ["trigger_id"] = "1337.42.abcdef",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "testteam" },
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "approvals" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "card", ["blocks"] = new JsonArray() },
            ["response_url"] = "https://hooks.slack.test/actions/T0TEAM/1/abc",
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = actionId,
                    ["block_id"] = blockId,
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Approve" },
                    ["value"] = value,
                    ["action_ts"] = "1700000001.000200",
                },
            },
        };

    /// <summary>A <c>view_submission</c> payload; <paramref name="values"/> maps block_id → action_id → entered value.</summary>
    public static JsonObject ViewSubmission(
        string callbackId,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? values = null,
        string? privateMetadata = null,
        string userId = DefaultUserId,
        string teamId = DefaultTeamId)
    {
        var state = new JsonObject();
        foreach (var (blockId, actions) in values ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            var block = new JsonObject();
            foreach (var (actionId, value) in actions)
            {
                block[actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value };
            }
            state[blockId] = block;
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "testteam" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "not-to-be-trusted" },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "1337.42.abcdef",
            ["view"] = new JsonObject
            {
                ["id"] = "V0VIEW",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata ?? "",
                ["hash"] = "1700000000.abc",
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
    }

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
