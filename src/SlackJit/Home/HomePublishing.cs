using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>Asks for a person's Home to be published after the ack, at most one waiting publish per person.</summary>
internal sealed class HomePublishing(IWorkQueue work, ILogger<HomePublishing> logger)
{
    private readonly Coalescer<string> _pending = new(work, logger);

    public bool Schedule(string userId, string teamId) => _pending.Enqueue(userId, new PublishHome(userId, teamId));

    public void Starting(string userId) => _pending.Starting(userId);
}
