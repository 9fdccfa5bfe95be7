using SlackJit.Access;
using SlackJit.Requests;

namespace SlackJit.Grants;

/// <summary>
/// The approval card, as the grant lifecycle drives it. The transition it follows is already durable, so a card
/// that cannot be updated is logged, never allowed to undo or block it. The card port belongs to the Requests
/// area; it is resolved when used, so a host without it still issues, renews and ends grants (and says so in the log).
/// </summary>
internal sealed class CardUpdates(IServiceProvider services, ILogger<CardUpdates> logger)
{
    /// <summary>Rewrites the card for the request's current state.</summary>
    public async Task UpdateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (Cards() is { } cards)
            {
                await cards.UpdateAsync(request, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GrantsLog.CardUpdateFailed(logger, request.Id, ex);
        }
    }

    /// <summary>Posts the card of a pending request that has none; returns the request with its place recorded. Failures throw.</summary>
    public async Task<AccessRequest> PostAsync(AccessRequest request, CancellationToken cancellationToken) =>
        Cards() is { } cards ? await cards.PostAsync(request, cancellationToken) : request;

    private IApprovalCards? Cards()
    {
        var cards = services.GetService<IApprovalCards>();
        if (cards is null)
        {
            GrantsLog.NoApprovalCards(logger);
        }
        return cards;
    }
}
