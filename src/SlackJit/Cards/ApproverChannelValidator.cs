using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack;

namespace SlackJit.Cards;

/// <summary>
/// Start-up check across sections: every catalog entry needs somewhere to post its cards, its own
/// <c>ApproverChannel</c> or <c>Slack:ApproverChannel</c>. An empty catalog needs neither.
/// </summary>
internal sealed partial class ApproverChannelValidator(IOptions<SlackOptions> slack) : IValidateOptions<AccessOptions>
{
    public const string Missing =
        "Slack:ApproverChannel is required: set Slack__ApproverChannel to the ID of the approvers' channel (C…), or give every Access:Resources entry an ApproverChannel";

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channel = slack.Value.ApproverChannel;
        if (string.IsNullOrWhiteSpace(channel))
        {
            var uncovered = options.Resources.Any(r => r is not null && string.IsNullOrWhiteSpace(r.ApproverChannel));
            return uncovered ? ValidateOptionsResult.Fail(Missing) : ValidateOptionsResult.Success;
        }

        return ChannelId().IsMatch(channel)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Slack:ApproverChannel \"{InputText.Clip(channel)}\" is not a Slack channel ID: set Slack__ApproverChannel to the channel's ID (C… or G…, from the channel's details), not its #name");
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();
}
