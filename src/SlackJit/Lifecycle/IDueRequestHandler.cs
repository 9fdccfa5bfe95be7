using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>
/// Takes a due request in one of <see cref="Statuses"/> one step. Each feature registers the statuses it owns
/// (<c>AddDueRequestHandler</c>); the sweeper hands each due request to the handler for its status.
/// </summary>
public interface IDueRequestHandler
{
    IReadOnlyCollection<RequestStatus> Statuses { get; }

    /// <summary>True when this call moved the request (a write of ours landed).</summary>
    Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken);
}
