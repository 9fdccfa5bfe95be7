namespace SlackJit.Storage;

/// <summary>Answers "does the store answer?" for <c>GET /readyz</c>, quickly and without throwing.</summary>
internal sealed class StoreReadiness(IAccessRequestStore store, TimeProvider time, ILogger<StoreReadiness> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<StoreReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(Timeout);
            // WaitAsync bounds the wait even if a store call ignores its token.
            await store.PingAsync(cts.Token).WaitAsync(Timeout, time, cancellationToken);
            return StoreReadinessResult.Ready;
        }
        catch (StoreUnavailableException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            reason = cancellationToken.IsCancellationRequested
                ? "readiness check cancelled"
                : $"store did not answer within {Timeout.TotalSeconds:0} s";
        }
#pragma warning disable CA1031 // Readiness must answer 503, whatever the failure; the type is enough to diagnose.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reason = $"store check failed ({ex.GetType().Name})";
        }
        logger.NotReady(reason);
        return new StoreReadinessResult(false, reason);
    }
}
