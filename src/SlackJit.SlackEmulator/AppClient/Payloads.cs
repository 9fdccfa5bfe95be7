using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator.AppClient;

/// <summary>The interaction payloads Slack sends, built from what the workspace holds.</summary>
internal static class Payloads
{
    public static JsonObject User(EmulatedUser? user, string userId, string teamId) => new()
    {
        ["id"] = userId,
        ["username"] = user?.Name ?? userId.ToLowerInvariant(),
        ["name"] = user?.Name ?? userId.ToLowerInvariant(),
        ["team_id"] = teamId,
    };

    public static JsonObject Team(SlackWorkspace ws) => new() { ["id"] = ws.TeamId, ["domain"] = "emulated" };

    /// <summary>The element with <paramref name="actionId"/> in a message's or view's blocks, with its block id.</summary>
    public static (JsonObject Element, string BlockId)? FindElement(JsonArray? blocks, string actionId, string? blockId)
    {
        foreach (var block in (blocks ?? []).OfType<JsonObject>())
        {
            var id = block["block_id"]?.GetValue<string>() ?? "";
            if (blockId is not null && id != blockId)
            {
                continue;
            }
            var candidates = (block["elements"] as JsonArray ?? []).Append(block["accessory"]).Append(block["element"]);
            foreach (var element in candidates.OfType<JsonObject>())
            {
                if (element["action_id"]?.GetValue<string>() == actionId)
                {
                    return (element, id);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// <c>view.state.values</c> as Slack builds it from what a person entered: text inputs carry <c>value</c>,
    /// static selects <c>selected_option</c> (looked up in the element's options), checkboxes <c>selected_options</c>
    /// (the options whose value was entered; none when nothing was).
    /// </summary>
    public static JsonObject State(JsonObject view, IReadOnlyDictionary<string, string> entered)
    {
        var values = new JsonObject();
        foreach (var block in (view["blocks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (block["type"]?.GetValue<string>() != "input" || block["element"] is not JsonObject element)
            {
                continue;
            }
            var blockId = block["block_id"]?.GetValue<string>() ?? "";
            var actionId = element["action_id"]?.GetValue<string>() ?? "";
            var type = element["type"]?.GetValue<string>() ?? "";
            entered.TryGetValue(blockId, out var text);
            var state = new JsonObject { ["type"] = type };
            if (type == "static_select")
            {
                var option = (element["options"] as JsonArray ?? []).OfType<JsonObject>()
                    .FirstOrDefault(o => o["value"]?.GetValue<string>() == text);
                state["selected_option"] = option?.DeepClone();
            }
            else if (type == "checkboxes")
            {
                state["selected_options"] = new JsonArray([.. (element["options"] as JsonArray ?? []).OfType<JsonObject>()
                    .Where(o => !string.IsNullOrEmpty(text) && o["value"]?.GetValue<string>() == text)
                    .Select(o => (JsonNode)o.DeepClone())]);
            }
            else
            {
                state["value"] = string.IsNullOrEmpty(text) ? null : text;
            }
            values[blockId] = new JsonObject { [actionId] = state };
        }
        return new JsonObject { ["values"] = values };
    }
}
