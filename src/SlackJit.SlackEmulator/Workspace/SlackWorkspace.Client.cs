using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.AppClient;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>What the client side of Slack changes in the workspace: replies to commands and modal answers.</summary>
public sealed partial class SlackWorkspace
{
    /// <summary>An ephemeral message from the app to one user (Slack's own replies to a command land here too).</summary>
    public void ShowEphemeral(string channel, string userId, string? text, JsonArray? blocks)
    {
        lock (Gate)
        {
            AddMessage(new EmulatedMessage(channel, NextTs(), text, blocks?.DeepClone().AsArray(), 0, VisibleTo: userId));
        }
        Notify(channel);
    }

    /// <summary>A message from the app everyone in the channel sees (an in_channel command reply).</summary>
    public void ShowInChannel(string channel, string? text, JsonArray? blocks)
    {
        lock (Gate)
        {
            AddMessage(new EmulatedMessage(channel, NextTs(), text, blocks?.DeepClone().AsArray(), 0));
        }
        Notify(channel);
    }

    /// <summary>A plain message a person types in a channel (the app is not told: it subscribes to no events).</summary>
    public void PostAsPerson(string channel, string userId, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (Gate)
        {
            AddMessage(new EmulatedMessage(channel, NextTs(), text, null, 0, UserId: userId));
        }
        Notify(channel);
    }

    /// <summary>Closes one view of a user's stack, or the whole stack.</summary>
    public void CloseView(string userId, string viewId, bool all)
    {
        lock (Gate)
        {
            if (ViewStacks.TryGetValue(userId, out var stack))
            {
                if (all)
                {
                    stack.Clear();
                }
                else
                {
                    stack.RemoveAll(v => v.Id == viewId);
                }
            }
        }
        Notify(null);
    }

    /// <summary>
    /// Does what Slack does with the answer to a view_submission: empty 200 closes the view; <c>response_action</c>
    /// <c>errors</c> shows them on their fields, <c>update</c> replaces the view, <c>push</c> stacks a new one,
    /// <c>clear</c> closes them all. A failed answer keeps the view open with an error at the top.
    /// </summary>
    internal void ApplyViewResponse(string userId, string viewId, AppResponse response)
    {
        JsonObject? json = null;
        if (response.Status == 200 && !string.IsNullOrWhiteSpace(response.Body))
        {
            try
            {
                json = JsonNode.Parse(response.Body) as JsonObject;
            }
            catch (JsonException)
            {
            }
        }
        lock (Gate)
        {
            if (!ViewStacks.TryGetValue(userId, out var stack))
            {
                return;
            }
            var index = stack.FindIndex(v => v.Id == viewId);
            if (index < 0)
            {
                return;
            }
            var action = json?["response_action"]?.GetValue<string>();
            if (response.Status != 200)
            {
                stack[index] = stack[index] with { Errors = new Dictionary<string, string> { [""] = "We had some trouble connecting. Try again?" } };
            }
            else if (action == "errors" && json!["errors"] is JsonObject errors)
            {
                stack[index] = stack[index] with
                {
                    Errors = errors.ToDictionary(e => e.Key, e => e.Value?.GetValue<string>() ?? ""),
                };
            }
            else if (action == "update" && json!["view"] is JsonObject updated)
            {
                stack[index] = stack[index] with { View = BlockIds.FillView(updated.DeepClone().AsObject()), Hash = NewHash(), Errors = new Dictionary<string, string>() };
            }
            else if (action == "push" && json!["view"] is JsonObject pushed)
            {
                stack.Add(new EmulatedView(NextViewId(), userId, BlockIds.FillView(pushed.DeepClone().AsObject()), NewHash(), new Dictionary<string, string>()));
            }
            else if (action == "clear")
            {
                stack.Clear();
            }
            else
            {
                stack.RemoveAt(index);
            }
        }
        Notify(null);
    }
}
