using System.Text.Json.Nodes;

namespace SlackJit.Tests.Home;

/// <summary>
/// <c>views.publish</c> as the test sees it: the views in the order Slack finished taking them, how many publishes for one
/// person ran at once, and a switch that holds the next publish open until the test releases it.
/// </summary>
internal sealed class HeldViews
{
    private readonly Lock _gate = new();
    private readonly List<(string UserId, JsonObject View)> _landed = [];
    private readonly Dictionary<string, int> _running = [];
    private readonly Dictionary<string, int> _mostAtOnce = [];
    private TaskCompletionSource? _hold;

    /// <summary>Completes when a held publish has reached Slack.</summary>
    public TaskCompletionSource HeldStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next publish waits, once it reached Slack, until the returned source is completed.</summary>
    public TaskCompletionSource HoldNext()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = hold;
            HeldStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return hold;
    }

    public IReadOnlyList<JsonObject> LandedFor(string userId)
    {
        lock (_gate)
        {
            return [.. _landed.Where(v => v.UserId == userId).Select(v => v.View)];
        }
    }

    public int MostAtOnce(string userId)
    {
        lock (_gate)
        {
            return _mostAtOnce.GetValueOrDefault(userId);
        }
    }

    public async Task PublishAsync(string userId, JsonObject view)
    {
        TaskCompletionSource? hold;
        TaskCompletionSource started;
        lock (_gate)
        {
            var running = _running[userId] = _running.GetValueOrDefault(userId) + 1;
            _mostAtOnce[userId] = Math.Max(running, _mostAtOnce.GetValueOrDefault(userId));
            (hold, _hold, started) = (_hold, null, HeldStarted);
        }
        try
        {
            if (hold is not null)
            {
                started.TrySetResult();
                await hold.Task;
            }
            lock (_gate)
            {
                _landed.Add((userId, view.DeepClone().AsObject()));
            }
        }
        finally
        {
            lock (_gate)
            {
                _running[userId]--;
            }
        }
    }
}
