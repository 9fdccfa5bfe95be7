using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>
/// Takes a due request one step whatever its status: work that outlives the status machine (a break-glass grant's
/// review goes on after the grant expired). The sweeper runs every one before the handler for the request's status,
/// and hands that handler the request as it is afterwards. One with nothing due returns the request unchanged.
/// </summary>
public interface IAnyStatusDueHandler
{
    /// <summary>The request as stored afterwards, and whether a write of ours landed.</summary>
    Task<(AccessRequest Request, bool Moved)> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken);
}
