using SlackJit.Access;
using SlackJit.Grants;

namespace SlackJit.Lifecycle;

/// <summary>
/// Queues issuing right after approval. The approval already made the request due, so a refused or lost
/// queue item costs only time: the sweeper issues it on its next pass.
/// </summary>
internal sealed class IssuanceScheduler(IBackgroundWork work) : IIssuanceScheduler
{
    public void Schedule(Guid requestId) =>
        work.TryEnqueue(
            $"issue {RequestIds.ToShort(requestId)}",
            (services, cancellationToken) => services.GetRequiredService<GrantIssuing>().IssueAsync(requestId, cancellationToken));
}
