using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack;

namespace SlackJit.Cards;

/// <summary>
/// Start-up check across sections: every catalog entry needs somewhere to post its cards, its own
/// <c>ApproverChannel</c> or <c>Slack:ApproverChannel</c>; one line per entry that has neither.
/// </summary>
internal sealed partial class ApproverChannelValidator(IOptions<SlackOptions> slack) : IValidateOptions<AccessOptions>
{
    /// <summary>The line for catalog entry <paramref name="index"/> when neither it nor Slack:ApproverChannel names a channel.</summary>
    public static string Missing(int index, string? name) =>
        $"Slack:ApproverChannel is required for Access:Resources[{index}] (\"{InputText.Clip(name ?? "")}\"), which has no ApproverChannel: " +
        $"set Slack__ApproverChannel to the ID of the approvers' channel (C…), or Access__Resources__{index}__ApproverChannel";

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string channel;
        try
        {
            channel = slack.Value.ApproverChannel;
        }
        catch (OptionsValidationException)
        {
            // The Slack section is listed with its own failures; throwing here would hide the catalog's.
            return ValidateOptionsResult.Skip;
        }
        if (string.IsNullOrWhiteSpace(channel))
        {
            var uncovered = options.Resources
                .Select((r, i) => (r, i))
                .Where(e => e.r is not null && string.IsNullOrWhiteSpace(e.r.ApproverChannel))
                .Select(e => Missing(e.i, e.r.Name))
                .ToList();
            return uncovered.Count > 0 ? ValidateOptionsResult.Fail(uncovered) : ValidateOptionsResult.Success;
        }

        return ChannelId().IsMatch(channel)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Slack:ApproverChannel \"{InputText.Clip(channel)}\" is not a Slack channel ID: set Slack__ApproverChannel to the channel's ID (C… or G…, from the channel's details), not its #name");
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();
}
