using SlackJit.Access;
using SlackJit.Slack;

namespace SlackJit.Cards;

/// <summary>Where a request's card goes: the catalog entry's own channel, else <c>Slack:ApproverChannel</c>.</summary>
/// <param name="Id">The channel id.</param>
/// <param name="Setting">The setting that named it, for messages about a misconfigured channel (never a secret).</param>
internal sealed record ApproverChannel(string Id, string Setting)
{
    public static ApproverChannel For(ResourceOptions? resource, SlackOptions slack)
    {
        if (resource is not null && !string.IsNullOrWhiteSpace(resource.ApproverChannel))
        {
            return new ApproverChannel(resource.ApproverChannel, $"the ApproverChannel of the Access:Resources entry \"{resource.Name}\"");
        }

        return new ApproverChannel(slack.ApproverChannel, "Slack:ApproverChannel");
    }

    /// <summary>The operator's line on <c>/readyz</c> while cards to this channel fail.</summary>
    public string ReadinessWarning(string error)
    {
        var fix = error switch
        {
            Slack.Api.SlackErrors.NotInChannel => "invite the bot to the channel",
            Slack.Api.SlackErrors.ChannelNotFound => "no channel with that id is visible to the bot; check the id, or invite the bot if it is private",
            "is_archived" => "the channel is archived; unarchive it or name another",
            _ => "the bot may not post there",
        };
        return $"approval cards to {Id} fail: {error} ({fix}; set by {Setting})";
    }

    /// <summary>Slack errors that mean the channel setting (or the bot's membership) is wrong, not a passing fault.</summary>
    public static bool IsMisconfigured(string error) =>
        error is Slack.Api.SlackErrors.ChannelNotFound or Slack.Api.SlackErrors.NotInChannel or "is_archived" or "restricted_action";
}
