using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator.AppClient;

/// <summary>
/// Slack's side of the conversation with an app: sends slash commands and interactions (block_actions,
/// view_submission, view_closed) to the app's <c>/slack/commands</c> and <c>/slack/interactions</c>, form-encoded
/// and signed as Slack signs them, with fresh trigger ids and response_urls; then does what Slack does with the
/// answer (an ephemeral reply, inline errors on a modal, closing or replacing it, "operation_timeout" after 3 s).
/// Events API events (the Home tab opened) go to <c>/slack/events</c> as signed JSON (<c>SlackAppClient.Home.cs</c>).
/// </summary>
public sealed partial class SlackAppClient(SlackWorkspace workspace, HttpClient http, Func<Uri> emulatorRoot)
{
    public const string CommandsPath = "slack/commands";
    public const string InteractionsPath = "slack/interactions";

    /// <summary>Slack gives an app this long to answer.</summary>
    public static readonly TimeSpan SlackAckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>How long this client waits for the app (Slack's 3 s unless a test shortens it).</summary>
    public TimeSpan AckDeadline { get; set; } = SlackAckDeadline;

    /// <summary>The app's base address (e.g. <c>http://127.0.0.1:5123/</c>); null until the app is up.</summary>
    public Uri? AppBase { get; set; }

    /// <summary>The signing secret shared with the app (<c>Slack:SigningSecret</c>).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The response_url Slack would hand out for a post landing in <paramref name="channel"/>.</summary>
    public string NewResponseUrl(string? channel, string? userId, string? messageTs = null) =>
        new Uri(emulatorRoot(), "hooks/" + workspace.IssueResponseUrl(channel, userId, messageTs)).AbsoluteUri;

    /// <summary>Runs <c>{command} {text}</c> typed by <paramref name="userId"/> in <paramref name="channelId"/>.</summary>
    public async Task<AppResponse> CommandAsync(string userId, string channelId, string command, string text, CancellationToken cancellationToken)
    {
        var user = workspace.User(userId);
        var channel = workspace.Channel(channelId);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("token", "deprecated-verification-token"),
            new("team_id", workspace.TeamId),
            new("team_domain", "emulated"),
            new("channel_id", channelId),
            new("channel_name", channel?.IsIm == true ? "directmessage" : channel?.Name ?? channelId),
            new("user_id", userId),
            new("user_name", user?.Name ?? userId),
            new("command", command),
            new("text", text),
            new("api_app_id", workspace.AppId),
            new("is_enterprise_install", "false"),
            new("response_url", NewResponseUrl(channelId, userId)),
            new("trigger_id", workspace.IssueTrigger(userId)),
        };
        var response = await SendAsync(CommandsPath, RequestSigning.Encode(fields), cancellationToken);
        ShowCommandAnswer(response, userId, channelId, command);
        return response;
    }

    /// <summary><paramref name="userId"/> clicks the element <paramref name="actionId"/> of a message.</summary>
    public async Task<AppResponse> ClickAsync(
        string userId, string channelId, string messageTs, string actionId, string? blockId, CancellationToken cancellationToken)
    {
        var message = workspace.Message(channelId, messageTs)
            ?? workspace.Ephemerals(userId).FirstOrDefault(m => m.Channel == channelId && m.Ts == messageTs)
            ?? throw new ArgumentException($"No message {messageTs} in {channelId}.", nameof(messageTs));
        var (element, foundBlockId) = Payloads.FindElement(message.Blocks, actionId, blockId)
            ?? throw new ArgumentException($"No element {actionId} in message {messageTs}.", nameof(actionId));
        var user = workspace.User(userId);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = Payloads.User(user, userId, workspace.TeamId),
            ["api_app_id"] = workspace.AppId,
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = messageTs,
                ["channel_id"] = channelId,
                ["is_ephemeral"] = message.IsEphemeral,
            },
            ["trigger_id"] = workspace.IssueTrigger(userId),
            ["team"] = Payloads.Team(workspace),
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = workspace.Channel(channelId)?.Name ?? channelId },
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["ts"] = messageTs,
                ["bot_id"] = SlackWorkspace.BotId,
                ["text"] = message.Text,
                ["blocks"] = message.Blocks?.DeepClone(),
            },
            ["response_url"] = NewResponseUrl(channelId, userId, messageTs),
            ["actions"] = new JsonArray { Action(element, actionId, foundBlockId) },
        };
        return await SendAsync(InteractionsPath, Interaction(payload), cancellationToken);
    }

    /// <summary>
    /// <paramref name="userId"/> presses the submit button of their top modal with <paramref name="entered"/>
    /// (block_id → typed text or chosen option value). Applies the app's <c>response_action</c>.
    /// </summary>
    public async Task<AppResponse> SubmitViewAsync(
        string userId, IReadOnlyDictionary<string, string> entered, CancellationToken cancellationToken)
    {
        var stack = workspace.ViewStack(userId);
        var top = stack.Count > 0 ? stack[^1] : throw new InvalidOperationException($"{userId} has no modal open.");
        var view = top.ToPayload(workspace, Payloads.State(top.View, entered));
        view["root_view_id"] = stack[0].Id;
        view["previous_view_id"] = stack.Count > 1 ? stack[^2].Id : null;
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = Payloads.Team(workspace),
            ["user"] = Payloads.User(workspace.User(userId), userId, workspace.TeamId),
            ["api_app_id"] = workspace.AppId,
            ["token"] = "deprecated-verification-token",
            ["trigger_id"] = workspace.IssueTrigger(userId),
            ["view"] = view,
            ["response_urls"] = new JsonArray(),
        };
        var response = await SendAsync(InteractionsPath, Interaction(payload), cancellationToken);
        workspace.ApplyViewResponse(userId, top.Id, response);
        return response;
    }

    /// <summary><paramref name="userId"/> closes their top modal (Cancel or ×); the app hears of it when the view asked to.</summary>
    public async Task CloseViewAsync(string userId, CancellationToken cancellationToken)
    {
        var stack = workspace.ViewStack(userId);
        if (stack.Count == 0)
        {
            return;
        }
        var top = stack[^1];
        workspace.CloseView(userId, top.Id, all: false);
        if (top.View["notify_on_close"]?.GetValue<bool>() == true)
        {
            var view = top.View.DeepClone().AsObject();
            view["id"] = top.Id;
            var payload = new JsonObject
            {
                ["type"] = "view_closed",
                ["team"] = Payloads.Team(workspace),
                ["user"] = Payloads.User(workspace.User(userId), userId, workspace.TeamId),
                ["api_app_id"] = workspace.AppId,
                ["view"] = view,
                ["is_cleared"] = false,
            };
            await SendAsync(InteractionsPath, Interaction(payload), cancellationToken);
        }
    }

    // The clicked element as Slack reports it in a block_actions payload.
    private JsonObject Action(JsonObject element, string actionId, string blockId) => new()
    {
        ["type"] = element["type"]?.DeepClone(),
        ["action_id"] = actionId,
        ["block_id"] = blockId,
        ["text"] = element["text"]?.DeepClone(),
        ["value"] = element["value"]?.DeepClone(),
        ["style"] = element["style"]?.DeepClone(),
        ["action_ts"] = TsNow(),
    };

    private static string Interaction(JsonObject payload) =>
        RequestSigning.Encode([new("payload", payload.ToJsonString())]);

    private async Task<AppResponse> SendAsync(
        string path, string body, CancellationToken cancellationToken, string mediaType = "application/x-www-form-urlencoded")
    {
        var appBase = AppBase ?? throw new InvalidOperationException("The app is not started yet.");
        var timestamp = workspace.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(appBase, path))
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", RequestSigning.Sign(SigningSecret, timestamp, body));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AckDeadline);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            return new AppResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AppResponse(0, "");
        }
        catch (HttpRequestException)
        {
            return new AppResponse(502, "");
        }
    }

    // What Slack shows after a slash command: the JSON or text answer (ephemeral unless in_channel), or its own error.
    private void ShowCommandAnswer(AppResponse response, string userId, string channelId, string command)
    {
        if (response.Status != 200)
        {
            var error = response.TimedOut ? "operation_timeout" : "dispatch_failed";
            workspace.ShowEphemeral(channelId, userId, $"{command} failed with the error \"{error}\"", null);
            return;
        }
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return;
        }
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(response.Body) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (json is null)
        {
            workspace.ShowEphemeral(channelId, userId, response.Body, null);
            return;
        }
        var text = json["text"]?.GetValue<string>();
        var blocks = json["blocks"] as JsonArray;
        if (json["response_type"]?.GetValue<string>() == "in_channel")
        {
            workspace.ShowInChannel(channelId, text, blocks);
        }
        else
        {
            workspace.ShowEphemeral(channelId, userId, text, blocks);
        }
    }

    private string TsNow() => workspace.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture).Insert(10, ".") + "000";
}
