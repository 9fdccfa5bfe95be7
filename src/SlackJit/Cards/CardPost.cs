using SlackJit.Access;

namespace SlackJit.Cards;

/// <summary>What posting a card came to: the request as stored afterwards, and why it is not posted if it is not.</summary>
/// <param name="Request">The request after recording the card (or the failure).</param>
/// <param name="Channel">Where the card went or should have gone.</param>
/// <param name="MisconfiguredError">Set when the channel setting is wrong (<c>channel_not_found</c>, <c>not_in_channel</c>…).</param>
internal sealed record CardPost(AccessRequest Request, ApproverChannel Channel, string? MisconfiguredError = null)
{
    public bool Posted => Request.Slack.CardTs is not null;
}
