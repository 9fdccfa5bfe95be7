using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary><c>users.info</c>, <c>usergroups.users.list</c>, <c>conversations.open</c>, <c>auth.test</c>. Called under the workspace lock.</summary>
internal static class DirectoryMethods
{
    public static JsonObject UserInfo(SlackWorkspace ws, JsonObject args)
    {
        if (!ws.UsersById.TryGetValue(Str(args, "user") ?? "", out var user))
        {
            return Error("user_not_found");
        }
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = user.TeamId,
            ["name"] = user.Name,
            ["real_name"] = user.RealName,
            ["deleted"] = user.Deleted,
            ["is_bot"] = user.IsBot,
            ["is_app_user"] = false,
            ["is_restricted"] = user.IsRestricted,
            ["is_ultra_restricted"] = user.IsUltraRestricted,
            ["profile"] = new JsonObject { ["real_name"] = user.RealName, ["display_name"] = user.Name, ["title"] = user.Title ?? "" },
        };
        if (user.TimeZone is not null)
        {
            json["tz"] = user.TimeZone;
        }
        return new JsonObject { ["ok"] = true, ["user"] = json };
    }

    public static JsonObject UserGroupMembers(SlackWorkspace ws, JsonObject args)
    {
        if (ws.UserGroupsError is { } error)
        {
            return Error(error);
        }
        return ws.GroupsById.TryGetValue(Str(args, "usergroup") ?? "", out var group)
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. group.Members.Select(m => (JsonNode)m)]) }
            : Error("no_such_subteam");
    }

    public static JsonObject OpenConversation(SlackWorkspace ws, JsonObject args)
    {
        var users = (Str(args, "users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length != 1)
        {
            return Error(users.Length == 0 ? "users_list_not_supplied" : "not_implemented_in_emulator");
        }
        if (!ws.UsersById.TryGetValue(users[0], out var user))
        {
            return Error("user_not_found");
        }
        var channel = SlackWorkspace.DmChannelFor(user.Id);
        ws.ChannelsById.TryAdd(channel, new EmulatedChannel(channel, user.Name, BotIsMember: true, DmUserId: user.Id));
        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel } };
    }

    public static JsonObject AuthTest(SlackWorkspace ws) => new()
    {
        ["ok"] = true,
        ["url"] = "https://emulated.slack.invalid/",
        ["team"] = ws.TeamName,
        ["user"] = ws.AppName.ToLowerInvariant(),
        ["team_id"] = ws.TeamId,
        ["user_id"] = SlackWorkspace.BotUserId,
        ["bot_id"] = SlackWorkspace.BotId,
        ["app_id"] = ws.AppId,
    };
}
