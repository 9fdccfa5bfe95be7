using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>The requester withdraws a pending request: from the command (short or full id) or the ack's button.</summary>
internal sealed class CancelRequest(IAccessRequestStore store, TimeProvider time, ILogger<CancelRequest> logger)
{
    /// <summary>How many of the requester's newest requests a short id is matched against.</summary>
    public const int ShortIdSearch = 50;

    /// <summary>Finds the request a person means by <c>R-XXXXXX</c> (among their recent ones) or by its full id.</summary>
    public async Task<(Guid? Id, string? Problem)> ResolveAsync(string text, SlackIdentity requester, CancellationToken cancellationToken)
    {
        var word = text.Trim();
        if (word.Length == 0)
        {
            return (null, "Which request? `/s3-access cancel R-XXXXXX` — see `/s3-access list` for yours.");
        }

        if (RequestIds.TryParse(word, out var full))
        {
            return (full, null);
        }

        var shortId = word.StartsWith("R-", StringComparison.OrdinalIgnoreCase) ? "R-" + word[2..] : "R-" + word;
        var recent = await store.GetByRequesterAsync(requester, ShortIdSearch, cancellationToken);
        var matches = recent.Where(r => string.Equals(r.ShortId, shortId, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => (matches[0].Id, null),
            0 => (null, RequestReplies.NotFound(word)),
            _ => (null, $"More than one of your requests is `{Slack.Blocks.Mrkdwn.Escape(shortId, 20)}`; use the full id from the card."),
        };
    }

    public async Task<DecisionOutcome> CancelAsync(Guid id, SlackIdentity requester, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } request)
        {
            return new DecisionOutcome.Refused(null, RequestReplies.NotFound(RequestIds.ToShort(id)));
        }
        var write = await store.ApplyDecidingAgainAsync(request, current => Transitions.Cancel(current, requester.UserId, time.GetUtcNow()), cancellationToken);
        return DecisionOutcomes.From(write, "Cancel", id, requester.UserId, logger);
    }
}
