using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>
/// Advance one request now instead of waiting for the sweeper, e.g. issue right after approval. Runs only while
/// the request is still in <paramref name="Status"/>; what the queue drops the sweeper does when it is due.
/// </summary>
public sealed record AdvanceRequest(Guid RequestId, RequestStatus Status) : IWorkItem
{
    public string Name => $"advance {RequestIds.ToShort(RequestId)} ({Status})";
}
