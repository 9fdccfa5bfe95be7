using SlackJit.Requests;

namespace SlackJit.Grants;

/// <summary>
/// Keeps the approval card in step after a grant transition. The transition is already durable, so a card that
/// cannot be updated is logged, never allowed to undo or block it.
/// </summary>
internal sealed class CardUpdates(IApprovalCards cards, ILogger<CardUpdates> logger)
{
    public async Task UpdateAsync(Access.AccessRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await cards.UpdateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GrantsLog.CardUpdateFailed(logger, request.Id, ex);
        }
    }
}
