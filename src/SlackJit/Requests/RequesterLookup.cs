using SlackJit.Cards;
using SlackJit.Access;
using SlackJit.Slack.Api;

namespace SlackJit.Requests;

/// <summary>
/// What Slack says about a requester (<c>users.info</c>), cached briefly per user id: a person's guest or
/// deactivated status rarely changes, and the lookup sits on the slash command's 3 s path.
/// </summary>
internal sealed class RequesterLookup(ISlackApi slack, TimeProvider time, ILogger<RequesterLookup> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly TimedCache<RequesterFacts> _cache = new(time, CacheFor);

    /// <summary>The requester's facts, or null when Slack could not be asked (the caller refuses politely).</summary>
    public async Task<RequesterFacts?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        if (_cache.TryGet(userId, out var cached))
        {
            return cached;
        }

        try
        {
            var user = await slack.GetUserAsync(userId, cancellationToken);
            var facts = new RequesterFacts(user.IsRestricted || user.IsUltraRestricted, user.IsBot, user.Deleted);
            _cache.Set(userId, facts);
            return facts;
        }
        catch (SlackApiException ex)
        {
            RequestsLog.UserLookupFailed(logger, userId, ex.Error);
            return null;
        }
    }
}
