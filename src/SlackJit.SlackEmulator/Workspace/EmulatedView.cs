using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// One open modal view: its id, the user it was opened for (from the trigger), the view JSON as the app last sent
/// it, its place in that user's stack, and the inline errors of the last submission (block_id → message).
/// </summary>
public sealed record EmulatedView(
    string Id,
    string? UserId,
    JsonObject View,
    string Hash,
    IReadOnlyDictionary<string, string> Errors)
{
    public string? CallbackId => View["callback_id"]?.GetValue<string>();

    /// <summary>
    /// The view as Slack hands it to the app, in a <c>views.*</c> answer or an interaction payload: the JSON the app sent,
    /// with its id, hash, team, app and <paramref name="state"/> (no values when null).
    /// </summary>
    public JsonObject ToPayload(SlackWorkspace ws, JsonObject? state = null)
    {
        ArgumentNullException.ThrowIfNull(ws);
        var view = View.DeepClone().AsObject();
        view["id"] = Id;
        view["hash"] = Hash;
        view["team_id"] = ws.TeamId;
        view["app_id"] = ws.AppId;
        view["state"] = state ?? new JsonObject { ["values"] = new JsonObject() };
        return view;
    }
}
