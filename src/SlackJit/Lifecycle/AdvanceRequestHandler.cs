using SlackJit.Storage;

namespace SlackJit.Lifecycle;

/// <summary>Reads the request and, if it is still in the expected status, hands it to that status's handler.</summary>
internal sealed class AdvanceRequestHandler(IAccessRequestStore store, DueRequestAdvancer advancer) : IWorkHandler<AdvanceRequest>
{
    public async Task HandleAsync(AdvanceRequest work, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(work.RequestId, cancellationToken) is { } request && request.Status == work.Status)
        {
            await advancer.AdvanceAsync(request, cancellationToken);
        }
    }
}
