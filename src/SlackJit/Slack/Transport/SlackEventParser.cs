using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Reads an Events API body: the HTTP request's JSON, or the <c>payload</c> of a Socket Mode <c>events_api</c>
/// envelope (the same object). Only the fields SlackJit uses are read; Slack adds fields freely.
/// </summary>
internal static class SlackEventParser
{
    /// <summary>Slack's challenges are short; anything longer is not one of Slack's.</summary>
    public const int MaxChallengeLength = 200;

    public static SlackEventParse Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return SlackEventParse.Invalid("Body is not a JSON object.");
        }
        var type = String(body, "type");
        switch (type)
        {
            case null or "":
                return SlackEventParse.Invalid("Body has no type.");
            case SlackEvent.UrlVerification:
                return String(body, "challenge") is { Length: > 0 and <= MaxChallengeLength } challenge
                    ? new SlackEventParse(Challenge: challenge)
                    : SlackEventParse.Invalid("url_verification without a usable challenge.");
            case SlackEvent.Callback:
                if (!body.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object
                    || String(inner, "type") is not { Length: > 0 } eventType)
                {
                    return SlackEventParse.Invalid("event_callback without an event type.");
                }
                return new SlackEventParse(new SlackEvent(
                    eventType,
                    String(inner, "user") ?? "",
                    String(inner, "tab"),
                    String(body, "team_id"),
                    String(body, "api_app_id"),
                    String(body, "event_id")));
            default:
                // app_rate_limited and whatever Slack adds: acknowledged, nothing to do.
                return new SlackEventParse(UnknownType: type);
        }
    }

    // Valid JSON may still escape a lone surrogate ("\ud800"), which GetString refuses.
    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
