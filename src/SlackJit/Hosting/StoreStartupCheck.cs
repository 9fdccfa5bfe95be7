using Amazon.DynamoDBv2.Model;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;

namespace SlackJit.Hosting;

/// <summary>
/// Prepares and checks the store before the app serves. A store that answers and is wrong for SlackJit (a DynamoDB
/// table that is missing, or lacks the key or indexes the queries use) stops the app with one line naming what is
/// missing and the template to use. A store that does not answer only warns: a brief outage must not block a
/// deploy, and /readyz reports it until it answers.
/// </summary>
internal sealed class StoreStartupCheck(IAccessRequestStore store, ILogger<StoreStartupCheck> logger) : IHostedService
{
    /// <summary>Longest the check may hold up start-up before the app starts anyway.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not IStoreInitializer initializer)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await initializer.InitializeAsync(timeout.Token);
        }
        catch (StoreUnavailableException ex) when (ex.InnerException is DynamoDbTableMismatchException or ResourceNotFoundException)
        {
            throw new StartupCheckException(ex.InnerException is ResourceNotFoundException
                ? $"{ex.Message.TrimEnd('.')}; or point Store:DynamoDb:TableName at the table made from {DynamoDbTableCheck.Templates}"
                : ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            logger.StartupCheckSkipped(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.StartupCheckSkipped($"no answer within {CheckTimeout.TotalSeconds:0} s");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
