using System.Text;
using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// <c>views.publish</c>: sets one user's Home tab. Refuses what Slack refuses: an unknown user, a view that is not a
/// valid <c>home</c> view (more than 100 blocks, a bad block) with <c>invalid_arguments</c> and a message saying where,
/// a view over 250 kB (<c>view_too_large</c>), a stale <c>hash</c> (<c>hash_conflict</c>), and any publish while the Home
/// tab is off (<c>not_enabled</c>). Called under the workspace lock.
/// </summary>
internal static class HomeMethods
{
    /// <summary>Slack's size cap on a published view.</summary>
    public const int MaxViewBytes = 250 * 1024;

    public static JsonObject Publish(SlackWorkspace ws, JsonObject args)
    {
        var userId = Str(args, "user_id");
        if (string.IsNullOrEmpty(userId) || !ws.UsersById.ContainsKey(userId))
        {
            return Invalid("invalid_arguments", "invalid `user_id`");
        }
        if (args["view"] is not JsonObject view)
        {
            return Invalid("invalid_arguments", "missing required field: view [json-pointer:/view]");
        }
        if (Encoding.UTF8.GetByteCount(view.ToJsonString()) > MaxViewBytes)
        {
            return Error("view_too_large");
        }
        if (SlackLimits.CheckHomeView(view) is { } problem)
        {
            return Invalid("invalid_arguments", problem);
        }
        if (!ws.HomeTabEnabled)
        {
            return Error("not_enabled");
        }
        ws.HomeViews.TryGetValue(userId, out var current);
        if (Str(args, "hash") is { Length: > 0 } hash && hash != current?.Hash)
        {
            return Error("hash_conflict");
        }

        var published = new EmulatedView(current?.Id ?? ws.NextViewId(), userId, BlockIds.FillView(view.DeepClone().AsObject()), SlackWorkspace.NewHash(), new Dictionary<string, string>());
        ws.HomeViews[userId] = published;
        return ViewMethods.Answer(ws, published);
    }

    private static JsonObject Invalid(string code, string message)
    {
        var error = Error(code);
        error["response_metadata"] = new JsonObject { ["messages"] = new JsonArray(message) };
        return error;
    }
}
