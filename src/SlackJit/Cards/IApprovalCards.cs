using SlackJit.Access;

namespace SlackJit.Cards;

/// <summary>The approval card in the approvers' channel, kept in step with the request's state.</summary>
public interface IApprovalCards
{
    /// <summary>Posts the card for a Pending (or break-glass) request that has none yet and records its channel and ts.</summary>
    Task<AccessRequest> PostAsync(AccessRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Posts the card again for the escalation approvers (the entry's <c>EscalationChannel</c>, else the card's own
    /// channel), with <paramref name="notice"/> (mrkdwn, mentioning them) above it. Throws <see cref="Slack.Api.SlackApiException"/>.
    /// </summary>
    Task<Slack.Api.SlackMessageRef> PostEscalationAsync(AccessRequest request, string notice, CancellationToken cancellationToken);

    /// <summary>Rewrites the card (<c>chat.update</c>) to show the request's current state; no-op when it has no card.</summary>
    Task UpdateAsync(AccessRequest request, CancellationToken cancellationToken);
}
