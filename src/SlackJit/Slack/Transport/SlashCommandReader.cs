using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SlackJit.Slack.Transport;

/// <summary>Builds a <see cref="SlashCommand"/> from the form (HTTP) or the envelope payload (Socket Mode).</summary>
internal static class SlashCommandReader
{
    public static bool TryRead(IFormCollection form, [NotNullWhen(true)] out SlashCommand? command, [NotNullWhen(false)] out string? error) =>
        TryRead(name => form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null, out command, out error);

    public static bool TryRead(JsonElement payload, [NotNullWhen(true)] out SlashCommand? command, [NotNullWhen(false)] out string? error)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            command = null;
            error = "Payload is not an object.";
            return false;
        }
        try
        {
            return TryRead(
                name => payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                out command,
                out error);
        }
        catch (InvalidOperationException)
        {
            // Valid JSON may escape a lone surrogate ("\ud800"); GetString refuses it.
            command = null;
            error = "Payload holds text that is not valid Unicode.";
            return false;
        }
    }

    private static bool TryRead(Func<string, string?> field, [NotNullWhen(true)] out SlashCommand? command, [NotNullWhen(false)] out string? error)
    {
        command = null;
        var teamId = field("team_id");
        var userId = field("user_id");
        var name = field("command");
        error = string.IsNullOrEmpty(name) ? "Missing field: command."
            : string.IsNullOrEmpty(userId) ? "Missing field: user_id."
            : string.IsNullOrEmpty(teamId) ? "Missing field: team_id."
            : null;
        if (error is not null)
        {
            return false;
        }

        command = new SlashCommand(
            TeamId: teamId!,
            EnterpriseId: Blank(field("enterprise_id")),
            ChannelId: field("channel_id") ?? "",
            UserId: userId!,
            Command: name!,
            Text: field("text") ?? "",
            ResponseUrl: Blank(field("response_url")),
            TriggerId: Blank(field("trigger_id")),
            ApiAppId: Blank(field("api_app_id")));
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
