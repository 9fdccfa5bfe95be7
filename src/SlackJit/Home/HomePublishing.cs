using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>
/// Asks for a person's Home to be published after the ack, at most one waiting publish per person. When Slack says
/// the app's Home tab is off (<c>views.publish</c>: <c>not_enabled</c>, a manifest without <c>features.app_home</c>),
/// refreshes stop — they could only fail — until someone opens the Home tab, which shows it is on again.
/// </summary>
internal sealed class HomePublishing(IWorkQueue work, ILogger<HomePublishing> logger)
{
    private readonly Coalescer<string> _pending = new(work, logger);
    private volatile bool _tabOff;

    /// <summary>The person opened the Home tab: publish it (and refresh again from now on).</summary>
    public bool Opened(string userId, string teamId)
    {
        _tabOff = false;
        return _pending.Enqueue(userId, new PublishHome(userId, teamId));
    }

    /// <summary>Something the person's Home shows changed: publish it again, unless the Home tab is off.</summary>
    public bool Refresh(string userId, string teamId) =>
        !_tabOff && _pending.Enqueue(userId, new PublishHome(userId, teamId));

    public void Starting(string userId) => _pending.Starting(userId);

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
