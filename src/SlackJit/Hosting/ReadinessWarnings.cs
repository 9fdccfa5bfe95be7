using System.Collections.Concurrent;

namespace SlackJit.Hosting;

/// <summary>
/// Problems an operator must fix that do not stop the app from serving, logged when <c>GET /readyz</c> is asked
/// (see <see cref="ReadinessReport"/>); its body never shows them.
/// </summary>
/// <remarks>
/// Why not a 503: readiness tells a load balancer whether to send Slack traffic here. A misconfigured approver channel
/// breaks one catalog entry's cards, while commands, clicks and grants still work and requests wait safely for the
/// fix — taking every replica out of service would turn one bad setting into an outage. So /readyz stays 200 while
/// the store answers and the warning goes to the log; the owner of the condition clears it when it heals
/// (e.g. the next successful card post to that channel). Kept in memory: each replica reports what it saw.
/// </remarks>
internal sealed class ReadinessWarnings
{
    private readonly ConcurrentDictionary<string, string> _warnings = new(StringComparer.Ordinal);

    /// <summary>Sets (or replaces) the warning under <paramref name="key"/>; the text must hold no secret.</summary>
    public void Set(string key, string warning) => _warnings[key] = warning;

    public void Clear(string key) => _warnings.TryRemove(key, out _);

    /// <summary>The current warnings, in a stable order.</summary>
    public IReadOnlyList<string> Current => [.. _warnings.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value)];
}
