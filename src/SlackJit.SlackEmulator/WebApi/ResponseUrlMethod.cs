using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// A POST to a response_url: 5 uses within 30 minutes; <c>replace_original</c> edits the message the click came
/// from (an ephemeral one too, as Slack allows), <c>delete_original</c> removes it, <c>response_type: in_channel</c> posts for everyone, anything else is
/// ephemeral to the person who acted. Called under the workspace lock; answers (status, body).
/// </summary>
internal static class ResponseUrlMethod
{
    public static (int Status, JsonObject Answer) Post(SlackWorkspace ws, string id, JsonObject args)
    {
        if (!ws.ResponseUrls.TryGetValue(id, out var target))
        {
            return (404, Error("invalid_url"));
        }
        if (ws.Time.GetUtcNow() - target.CreatedAt > SlackWorkspace.ResponseUrlLifetime)
        {
            return (404, Error("expired_url"));
        }
        if (target.Uses >= SlackWorkspace.ResponseUrlMaxUses)
        {
            return (404, Error("used_url"));
        }
        var deleteOriginal = Flag(args, "delete_original");
        if (!deleteOriginal && SlackLimits.CheckMessage(args) is { } invalid)
        {
            return (400, Error(invalid));
        }
        target.Uses++;
        if (target.Channel is null)
        {
            return (200, Ok());
        }

        var original = target.MessageTs is { } ts ? ws.ClickedMessage(target.Channel, ts, target.UserId) : null;
        if (deleteOriginal)
        {
            if (original is not null)
            {
                ws.RemoveMessage(original);
            }
        }
        else if (Flag(args, "replace_original") && original is not null)
        {
            // The posted message takes the original's place whole: blocks it does not carry are gone (unlike
            // chat.update, which keeps what it is not given).
            ws.ReplaceMessage(original with { Text = Str(args, "text"), Blocks = Blocks(args), Updates = original.Updates + 1 });
        }
        else if (Str(args, "response_type") == "in_channel")
        {
            ws.AddMessage(new EmulatedMessage(target.Channel, ws.NextTs(), Str(args, "text"), Blocks(args), 0));
        }
        else if (target.UserId is not null)
        {
            ws.AddMessage(new EmulatedMessage(target.Channel, ws.NextTs(), Str(args, "text"), Blocks(args), 0, VisibleTo: target.UserId));
        }
        return (200, Ok());
    }

    private static bool Flag(JsonObject args, string name) =>
        args[name] is JsonValue value
        && ((value.TryGetValue<bool>(out var flag) && flag) || (value.TryGetValue<string>(out var text) && text == "true"));
}
