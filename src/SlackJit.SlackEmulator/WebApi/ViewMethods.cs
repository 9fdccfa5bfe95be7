using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// <c>views.open</c>, <c>views.push</c>, <c>views.update</c>: trigger ids are single-use and expire after 3 s;
/// a stack holds at most 3 views; <c>hash</c> guards against stale updates. Called under the workspace lock.
/// </summary>
internal static class ViewMethods
{
    public const int MaxStack = 3;

    public static JsonObject Open(SlackWorkspace ws, JsonObject args) => OpenOrPush(ws, args, push: false);

    public static JsonObject Push(SlackWorkspace ws, JsonObject args) => OpenOrPush(ws, args, push: true);

    public static JsonObject Update(SlackWorkspace ws, JsonObject args)
    {
        var viewId = Str(args, "view_id");
        var externalId = Str(args, "external_id");
        if (string.IsNullOrEmpty(viewId) && string.IsNullOrEmpty(externalId))
        {
            return Error("invalid_arguments");
        }
        if (SlackLimits.CheckView(args["view"]) is { } invalid)
        {
            return Error(invalid);
        }
        foreach (var stack in ws.ViewStacks.Values)
        {
            var index = stack.FindIndex(v => v.Id == viewId || (externalId is not null && Str(v.View, "external_id") == externalId));
            if (index < 0)
            {
                continue;
            }
            if (Str(args, "hash") is { Length: > 0 } hash && hash != stack[index].Hash)
            {
                return Error("hash_conflict");
            }
            var view = BlockIds.FillView(args["view"]!.DeepClone().AsObject());
            stack[index] = stack[index] with { View = view, Hash = SlackWorkspace.NewHash(), Errors = new Dictionary<string, string>() };
            return Answer(ws, stack[index]);
        }
        return Error("not_found");
    }

    private static JsonObject OpenOrPush(SlackWorkspace ws, JsonObject args, bool push)
    {
        var trigger = Str(args, "trigger_id");
        if (string.IsNullOrEmpty(trigger))
        {
            return Error("invalid_arguments");
        }
        if (TriggerError(ws, trigger) is { } triggerError)
        {
            return Error(triggerError);
        }
        if (SlackLimits.CheckView(args["view"]) is { } invalid)
        {
            return Error(invalid);
        }
        var userId = ws.Triggers.TryGetValue(trigger, out var issued) ? issued.UserId : null;
        var stackKey = userId ?? "";
        ws.ViewStacks.TryGetValue(stackKey, out var stack);
        if (push && (stack is null || stack.Count == 0))
        {
            return Error("invalid_arguments");
        }
        if (push && stack!.Count >= MaxStack)
        {
            return Error("push_limit_reached");
        }
        ws.SpentTriggers.Add(trigger);

        var view = BlockIds.FillView(args["view"]!.DeepClone().AsObject());
        var opened = new EmulatedView(ws.NextViewId(), userId, view, SlackWorkspace.NewHash(), new Dictionary<string, string>());
        if (!push || stack is null)
        {
            ws.ViewStacks[stackKey] = stack = [];
        }
        stack.Add(opened);
        var logged = view.DeepClone().AsObject();
        logged["id"] = opened.Id;
        ws.OpenedViewLog.Add(logged);
        return Answer(ws, opened);
    }

    private static string? TriggerError(SlackWorkspace ws, string trigger)
    {
        if (ws.ExpiredTriggers.Contains(trigger))
        {
            return "expired_trigger_id";
        }
        if (ws.SpentTriggers.Contains(trigger))
        {
            return "exchanged_trigger_id";
        }
        if (ws.Triggers.TryGetValue(trigger, out var issued) && ws.Time.GetUtcNow() - issued.IssuedAt > SlackWorkspace.TriggerLifetime)
        {
            return "expired_trigger_id";
        }
        return null;
    }

    /// <summary>Slack's answer to a view method (<c>views.open</c>, <c>views.push</c>, <c>views.update</c>, <c>views.publish</c>): the view as stored, as <see cref="EmulatedView.ToPayload"/> shows it.</summary>
    public static JsonObject Answer(SlackWorkspace ws, EmulatedView view) => new() { ["ok"] = true, ["view"] = view.ToPayload(ws) };
}
