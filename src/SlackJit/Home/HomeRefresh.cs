using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// Watches requests change (every create and visible transition, whichever code path wrote it) and queues a refresh
/// of the Homes that show the request, at most one waiting refresh per request (docs/APP-HOME.md, "Refresh").
/// </summary>
internal sealed class HomeRefresh(IWorkQueue work, ILogger<HomeRefresh> logger) : IRequestObserver
{
    private readonly Coalescer<Guid> _pending = new(work, logger);

    public void Changed(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _pending.Enqueue(request.Id, new RefreshHomes(request.Id));
    }

    public void Starting(Guid requestId) => _pending.Starting(requestId);
}
