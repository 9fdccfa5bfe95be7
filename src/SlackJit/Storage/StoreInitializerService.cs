namespace SlackJit.Storage;

/// <summary>
/// Prepares the store (SQLite schema, DynamoDB table when asked) in the background so start-up
/// never waits on an unreachable store; until it succeeds, /readyz says so and each store call
/// tries again itself.
/// </summary>
internal sealed class StoreInitializerService(IAccessRequestStore store, TimeProvider time, ILogger<StoreInitializerService> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not IStoreInitializer initializer)
        {
            return;
        }
        await Task.Yield();
        var delay = FirstDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await initializer.InitializeAsync(stoppingToken);
                return;
            }
            catch (StoreUnavailableException ex)
            {
                logger.InitializationFailed(delay, ex.Message);
            }
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
