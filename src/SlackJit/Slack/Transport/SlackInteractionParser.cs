using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>Reads the interactivity payload (the HTTP <c>payload</c> field or a Socket Mode envelope's payload).</summary>
internal static class SlackInteractionParser
{
    /// <summary>Bounds the nesting Slack's payloads need (views nest a few levels) and nothing more.</summary>
    private const int MaxDepth = 64;

    public static InteractionParse Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return InteractionParse.Invalid("Missing payload.");
        }
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Parse(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: text that is not valid UTF-16 (a lone surrogate) cannot even be read as JSON.
            return InteractionParse.Invalid("Payload is not valid JSON.");
        }
    }

    public static InteractionParse Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return InteractionParse.Invalid("Payload is not a JSON object.");
        }
        if (!payload.TryGetProperty("type", out var typeElement) || !TryGetString(typeElement, out var type))
        {
            return InteractionParse.Invalid("Payload has no type.");
        }

        try
        {
            SlackInteraction? parsed = type switch
            {
                SlackInteraction.BlockActions => Check(payload.Deserialize(SlackTransportJsonContext.Default.BlockActionsPayload)),
                SlackInteraction.ViewSubmission => Check(payload.Deserialize(SlackTransportJsonContext.Default.ViewSubmissionPayload)),
                SlackInteraction.ViewClosed => Check(payload.Deserialize(SlackTransportJsonContext.Default.ViewClosedPayload)),
                _ => null,
            };
            return parsed is not null ? InteractionParse.Parsed(parsed)
                : IsKnown(type) ? InteractionParse.Invalid($"Payload of type {type} lacks required fields.")
                : InteractionParse.Unknown(type);
        }
        catch (JsonException)
        {
            return InteractionParse.Invalid($"Payload of type {type} is malformed.");
        }
    }

    // Valid JSON may still escape a lone surrogate ("\ud800"), which GetString refuses with an InvalidOperationException.
    private static bool TryGetString(JsonElement element, out string value)
    {
        value = "";
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsKnown(string type) =>
        type is SlackInteraction.BlockActions or SlackInteraction.ViewSubmission or SlackInteraction.ViewClosed;

    // Present-but-empty (or blank) IDs are as useless as absent ones: nothing could be keyed or attributed on them.
    // JSON null inside a list is not caught by the nullable annotations, which cover properties only.
    private static BlockActionsPayload? Check(BlockActionsPayload? p) =>
        p is not null && IsId(p.User.Id) && p.Actions.Count > 0 && p.Actions.All(a => a is not null && a.ActionId.Length > 0) ? p : null;

    private static ViewSubmissionPayload? Check(ViewSubmissionPayload? p) =>
        p is not null && IsId(p.User.Id) && p.View.Id.Length > 0 ? p : null;

    private static ViewClosedPayload? Check(ViewClosedPayload? p) =>
        p is not null && IsId(p.User.Id) && p.View.Id.Length > 0 ? p : null;

    private static bool IsId(string id) => !string.IsNullOrWhiteSpace(id);
}
