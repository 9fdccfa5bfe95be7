using System.Collections.Concurrent;
using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>
/// Asks for a person's Home to be published after the ack: one publish per person at a time, the latest state winning
/// (<see cref="Coalescer{TKey}"/>). A refresh brings the read of the open requests its change shares; the publish takes
/// the newest one handed to it, or reads its own. When Slack says the app's Home tab is off (<c>views.publish</c>:
/// <c>not_enabled</c>, a manifest without <c>features.app_home</c>), refreshes stop — they could only fail — until
/// someone opens the Home tab, which shows it is on again.
/// </summary>
internal sealed class HomePublishing(IWorkQueue work, ILogger<HomePublishing> logger)
{
    private readonly Coalescer<string> _pending = new(work, logger);
    private readonly ConcurrentDictionary<string, OpenRequestsRead> _shared = new(StringComparer.Ordinal);
    private volatile bool _tabOff;

    /// <summary>The person opened the Home tab: publish it (and refresh again from now on).</summary>
    public bool Opened(string userId, string teamId)
    {
        _tabOff = false;
        return _pending.Enqueue(userId, new PublishHome(userId, teamId));
    }

    /// <summary>
    /// Something the person's Home shows changed: publish it again, unless the Home tab is off. <paramref name="teamId"/>
    /// is the team their own requests are filed under, null when unknown (an approver: the request names only its
    /// requester's team).
    /// </summary>
    public bool Refresh(string userId, string? teamId, OpenRequestsRead? open = null)
    {
        if (_tabOff)
        {
            return false;
        }
        if (open is not null)
        {
            _shared.AddOrUpdate(userId, open, (_, held) => OpenRequestsRead.Newest(held, open));
        }
        if (_pending.Enqueue(userId, new PublishHome(userId, teamId)))
        {
            return true;
        }
        // Nothing will take it (the queue is full): don't hold the read; the next publish reads afresh.
        _shared.TryRemove(userId, out _);
        return false;
    }

    /// <summary>
    /// Runs one publish of <paramref name="work"/>'s person, never alongside another for them; a change meanwhile queues
    /// one more after it. <paramref name="publish"/> gets the shared read of the open requests handed over so far, if any.
    /// </summary>
    public Task RunAsync(PublishHome work, Func<OpenRequestsRead?, Task> publish)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(publish);
        return _pending.RunAsync(work.UserId, work, () => publish(_shared.TryRemove(work.UserId, out var open) ? open : null));
    }

    /// <summary>Slack answered <c>not_enabled</c>: the app's Home tab is off.</summary>
    public void TabIsOff()
    {
        if (!_tabOff)
        {
            _tabOff = true;
            HomeLog.TabOff(logger);
        }
    }
}
