using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// Runs one SDK call and turns infrastructure failures (network, timeout, throttling after the
/// SDK's own retries, missing table, credentials) into <see cref="StoreUnavailableException"/>.
/// A failed condition is an expected outcome: it passes through untouched and is never retried.
/// Messages carry the operation, the table and an error code, never request data or credentials.
/// </summary>
internal sealed class DynamoDbCalls(string tableName)
{
    private const int MaxDetailLength = 160;

    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception ex) when (IsInfrastructure(ex, cancellationToken))
        {
            throw Unavailable(operation, ex);
        }
    }

    public static bool IsInfrastructure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ConditionalCheckFailedException => false,
        // The caller gave up: that is cancellation, not an outage.
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException
            or TimeoutException or OperationCanceledException => true,
        _ => false,
    };

    public StoreUnavailableException Unavailable(string operation, Exception ex)
    {
        string reason = ex switch
        {
            ResourceNotFoundException =>
                "table not found: create it (deploy/dynamodb-table.json) or set Store:DynamoDb:CreateTableIfMissing",
            AmazonServiceException service =>
                $"{service.ErrorCode ?? service.GetType().Name} (HTTP {(int)service.StatusCode})",
            OperationCanceledException or TimeoutException => "timed out",
            // Client-side SDK messages say what is missing (region, credentials) and hold no secret values.
            AmazonClientException client => Shorten(client.Message),
            _ => $"unreachable ({ex.GetType().Name})",
        };
        return new StoreUnavailableException($"DynamoDB {operation} on table {tableName} failed: {reason}.", ex);
    }

    private static string Shorten(string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return firstLine.Length <= MaxDetailLength ? firstLine : firstLine[..MaxDetailLength] + "…";
    }
}
