using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// Watches requests change (every create and visible transition, whichever code path wrote it) and queues a refresh
/// of the Homes that show the request, one refresh per request at a time (docs/APP-HOME.md, "Refresh").
/// </summary>
internal sealed class HomeRefresh(IWorkQueue work, ILogger<HomeRefresh> logger) : IRequestObserver
{
    private readonly Coalescer<Guid> _pending = new(work, logger);

    public void Changed(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _pending.Enqueue(request.Id, new RefreshHomes(request.Id));
    }

    /// <summary>Runs one refresh of <paramref name="work"/>'s request, never alongside another for it.</summary>
    public Task RunAsync(RefreshHomes work, Func<Task> fanOut)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _pending.RunAsync(work.RequestId, work, fanOut);
    }
}
