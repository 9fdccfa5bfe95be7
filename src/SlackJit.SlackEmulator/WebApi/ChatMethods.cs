using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// <c>chat.postMessage</c>, <c>chat.update</c>, <c>chat.delete</c>, <c>chat.postEphemeral</c>. Called under the workspace lock.
/// As with a bot token in Slack, the app may edit and delete only its own messages (<c>cant_update_message</c>,
/// <c>cant_delete_message</c>), and nothing is posted or edited in an archived conversation (<c>is_archived</c>).
/// </summary>
internal static class ChatMethods
{
    public static JsonObject PostMessage(SlackWorkspace ws, JsonObject args)
    {
        var channel = Str(args, "channel") ?? "";
        if ((ChannelError(ws, channel) ?? ArchivedError(ws, channel)) is { } channelError)
        {
            return Error(channelError);
        }
        if (SlackLimits.CheckMessage(args) is { } invalid)
        {
            return Error(invalid);
        }
        var ts = ws.NextTs();
        var message = new EmulatedMessage(channel, ts, Str(args, "text"), Blocks(args), 0);
        ws.AddMessage(message);
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["bot_id"] = SlackWorkspace.BotId, ["text"] = message.Text },
        };
    }

    public static JsonObject Update(SlackWorkspace ws, JsonObject args)
    {
        var channel = Str(args, "channel") ?? "";
        var ts = Str(args, "ts") ?? "";
        if (ChannelError(ws, channel) is { } channelError)
        {
            return Error(channelError);
        }
        if (!ws.MessagesByKey.TryGetValue((channel, ts), out var existing))
        {
            return Error("message_not_found");
        }
        if (existing.UserId is not null)
        {
            return Error("cant_update_message");
        }
        if (ArchivedError(ws, channel) is { } archived)
        {
            return Error(archived);
        }
        if (SlackLimits.CheckMessage(args) is { } invalid)
        {
            return Error(invalid);
        }
        ws.MessagesByKey[(channel, ts)] = Updated(existing, args);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = Str(args, "text") };
    }

    public static JsonObject Delete(SlackWorkspace ws, JsonObject args)
    {
        var channel = Str(args, "channel") ?? "";
        var ts = Str(args, "ts") ?? "";
        if (ChannelError(ws, channel) is { } channelError)
        {
            return Error(channelError);
        }
        if (!ws.MessagesByKey.TryGetValue((channel, ts), out var existing))
        {
            return Error("message_not_found");
        }
        if (existing.UserId is not null)
        {
            // A bot token deletes only the bot's own messages.
            return Error("cant_delete_message");
        }
        ws.RemoveMessage(channel, ts);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
    }

    public static JsonObject PostEphemeral(SlackWorkspace ws, JsonObject args)
    {
        var channel = Str(args, "channel") ?? "";
        if (ChannelError(ws, channel) is { } channelError)
        {
            return Error(channelError);
        }
        var user = Str(args, "user") ?? "";
        if (!ws.UsersById.ContainsKey(user))
        {
            return Error("user_not_in_channel");
        }
        if (SlackLimits.CheckMessage(args) is { } invalid)
        {
            return Error(invalid);
        }
        var ts = ws.NextTs();
        ws.AddMessage(new EmulatedMessage(channel, ts, Str(args, "text"), Blocks(args), 0, VisibleTo: user));
        return new JsonObject { ["ok"] = true, ["message_ts"] = ts };
    }

    /// <summary>The message after an edit: Slack keeps the old blocks when the edit sends none.</summary>
    public static EmulatedMessage Updated(EmulatedMessage existing, JsonObject args) => existing with
    {
        Text = Str(args, "text") ?? existing.Text,
        Blocks = args.ContainsKey("blocks") ? Blocks(args) : existing.Blocks,
        Updates = existing.Updates + 1,
    };

    private static string? ArchivedError(SlackWorkspace ws, string channel) =>
        ws.ChannelsById.TryGetValue(channel, out var found) && found.IsArchived ? "is_archived" : null;

    public static string? ChannelError(SlackWorkspace ws, string channel) =>
        ws.ChannelsById.TryGetValue(channel, out var found) ? (found.BotIsMember ? null : "not_in_channel") : "channel_not_found";
}
