using System.Globalization;
using Amazon.DynamoDBv2.Model;
using SlackJit.Access;
using static SlackJit.Storage.DynamoDb.DynamoDbItem;
using static SlackJit.Storage.DynamoDb.DynamoDbSchema;

namespace SlackJit.Storage.DynamoDb;

internal sealed partial class DynamoDbAccessRequestStore
{
    /// <summary>
    /// One query of the requester index over the wider window, projecting only status and creation time (and the
    /// document, whose deadline is read for Pending items alone): no audit trails are read.
    /// </summary>
    public async Task<RequesterActivity> CountRecentAsync(SlackIdentity requester, LimitWindows windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        await InitializeAsync(cancellationToken);
        var createdAfter = StoredRecord.ToEpochMs(windows.CreatedAfter);
        var pendingCreatedAfter = StoredRecord.ToEpochMs(windows.PendingCreatedAfter);
        var pendingStatus = RequestStatus.Pending.ToString();
        var query = new QueryRequest
        {
            TableName = Table,
            IndexName = RequesterIndex,
            KeyConditionExpression = "#rk = :rk AND #ca > :since",
            ProjectionExpression = "#status, #ca, #doc",
            ExpressionAttributeNames = new() { ["#rk"] = RequesterKey, ["#ca"] = CreatedAt, ["#status"] = Status, ["#doc"] = Doc },
            ExpressionAttributeValues = new()
            {
                [":rk"] = S(requester.Key),
                [":since"] = N(Math.Min(createdAfter, pendingCreatedAfter)),
            },
        };
        int pending = 0, created = 0;
        do
        {
            var response = await _calls.RunAsync("Query", ct => Client.QueryAsync(query, ct), cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                var at = long.Parse(item[CreatedAt].N, CultureInfo.InvariantCulture);
                created += at > createdAfter ? 1 : 0;
                if (at > pendingCreatedAfter && item[Status].S == pendingStatus
                    && StoredRecord.DeserializeDocument(item[Doc].S, []).Deadline > windows.Now)
                {
                    pending++;
                }
            }
            query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (query.ExclusiveStartKey is not null);
        return new RequesterActivity(pending, created);
    }
}
