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
        var (channel, ts, existing, error) = BotMessage(ws, args, "cant_update_message");
        if (existing is null)
        {
            return Error(error!);
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
        var (channel, ts, existing, error) = BotMessage(ws, args, "cant_delete_message");
        if (existing is null)
        {
            return Error(error!);
        }
        ws.RemoveMessage(channel, ts);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
    }

    /// <summary>
    /// The message <c>channel</c>/<c>ts</c> name, if the bot may change it: a bot token edits and deletes only the
    /// bot's own messages (<paramref name="notOwn"/> otherwise).
    /// </summary>
    private static (string Channel, string Ts, EmulatedMessage? Message, string? Error) BotMessage(SlackWorkspace ws, JsonObject args, string notOwn)
    {
        var channel = Str(args, "channel") ?? "";
        var ts = Str(args, "ts") ?? "";
        if (ChannelError(ws, channel) is { } channelError)
        {
            return (channel, ts, null, channelError);
        }
        if (!ws.MessagesByKey.TryGetValue((channel, ts), out var existing))
        {
            return (channel, ts, null, "message_not_found");
        }
        return existing.UserId is null ? (channel, ts, existing, null) : (channel, ts, null, notOwn);
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
