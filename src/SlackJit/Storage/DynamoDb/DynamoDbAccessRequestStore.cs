using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SlackJit.Access;
using static SlackJit.Storage.DynamoDb.DynamoDbItem;
using static SlackJit.Storage.DynamoDb.DynamoDbSchema;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// The store for many replicas: one item per request, keyed by id. A transition is one conditional
/// <c>UpdateItem</c> that checks status and version, sets the new state and appends the audit
/// event with <c>list_append</c>: state and audit are atomic without transactions.
/// </summary>
internal sealed partial class DynamoDbAccessRequestStore : IAccessRequestStore, IRequestHistory, IStoreInitializer, IDisposable
{
    private const string QuietSet = "SET #status = :next, #version = #version + :one, #rk = :rk, #ca = :ca, #cm = :cm, #exp = :exp, #doc = :doc";
    private const string TransitionSet = QuietSet + ", #events = list_append(if_not_exists(#events, :empty), :ev)";
    private const string TransitionCondition = "#status = :expected AND #version = :v";

    private readonly Lazy<IAmazonDynamoDB> _client;
    private readonly DynamoDbStoreOptions _options;
    private readonly ILogger _logger;
    private readonly AsyncOnce _init;
    private readonly DynamoDbCalls _calls;

    /// <param name="client">
    /// Called on first use, inside the error mapping: the SDK refuses to build a client with no
    /// region, and that must surface as "store unavailable" (and on /readyz), not as a crash.
    /// </param>
    public DynamoDbAccessRequestStore(
        Func<IAmazonDynamoDB> client, DynamoDbStoreOptions options, ILogger<DynamoDbAccessRequestStore> logger)
    {
        // PublicationOnly: a failed construction is not cached; the next call tries again.
        _client = new Lazy<IAmazonDynamoDB>(client, LazyThreadSafetyMode.PublicationOnly);
        _options = options;
        _logger = logger;
        _calls = new DynamoDbCalls(options.TableName);
        _init = new AsyncOnce(InitializeCoreAsync);
    }

    private string Table => _options.TableName;

    private IAmazonDynamoDB Client => _client.Value;

    public Task InitializeAsync(CancellationToken cancellationToken) => _init.EnsureAsync(cancellationToken);

    public async Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await InitializeAsync(cancellationToken);
        var put = new PutItemRequest
        {
            TableName = Table,
            Item = ToItem(request),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = Pk },
        };
        try
        {
            await _calls.RunAsync("PutItem", ct => Client.PutItemAsync(put, ct), cancellationToken);
            return CreateResult.Created;
        }
        catch (ConditionalCheckFailedException)
        {
            return CreateResult.AlreadyExists;
        }
    }

    public async Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var response = await _calls.RunAsync("GetItem", ct => Client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { [Pk] = S(Key(id)) },
            ConsistentRead = true,
        }, ct), cancellationToken);
        // SDK v4: a miss leaves Item null (or empty from some servers).
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsureWellFormed(transition);
        await InitializeAsync(cancellationToken);
        var next = transition.Next;
        var names = new Dictionary<string, string>
        {
            ["#status"] = Status, ["#version"] = VersionAttribute, ["#rk"] = RequesterKey, ["#ca"] = CreatedAt, ["#cm"] = CreatedMonth,
            ["#exp"] = ExpiresAt, ["#doc"] = Doc, ["#shard"] = DueShard, ["#due"] = DueAt,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":expected"] = S(transition.FromStatus.ToString()),
            [":v"] = N(transition.FromVersion),
            [":next"] = S(next.Status.ToString()),
            [":one"] = N(1),
            [":rk"] = S(next.Requester.Key),
            [":ca"] = N(StoredRecord.ToEpochMs(next.CreatedAt)),
            // Written on every transition too, so an item stored before the audit index existed joins it when it moves.
            [":cm"] = S(MonthOf(next.CreatedAt)),
            [":exp"] = N(next.ExpiresAt.ToUnixTimeSeconds()),
            [":doc"] = S(StoredRecord.SerializeDocument(next)),
        };
        var set = QuietSet;
        if (transition.Event is { } appended)
        {
            // Appended in the same write: state and audit are atomic.
            names["#events"] = Events;
            values[":ev"] = new AttributeValue { L = [ToAttribute(appended)] };
            values[":empty"] = new AttributeValue { L = [] };
            set = TransitionSet;
        }

        string expression;
        if (next.DueAt is { } due)
        {
            values[":shard"] = S(DueShardValue);
            values[":due"] = N(StoredRecord.ToEpochMs(due));
            expression = set + ", #shard = :shard, #due = :due";
        }
        else
        {
            // Leaving the sparse index is what takes the request off the sweeper's list.
            expression = set + " REMOVE #shard, #due";
        }
        var update = new UpdateItemRequest
        {
            TableName = Table,
            Key = new() { [Pk] = S(Key(next.Id)) },
            UpdateExpression = expression,
            ConditionExpression = TransitionCondition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
        try
        {
            await _calls.RunAsync("UpdateItem", ct => Client.UpdateItemAsync(update, ct), cancellationToken);
            return TransitionResult.Success(next);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else won (or the request is gone): never retried, the caller decides with the current state.
            return TransitionResult.Conflict(await GetAsync(next.Id, cancellationToken));
        }
    }

    public Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsurePositive(limit);
        return QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = DueIndex,
            KeyConditionExpression = "#shard = :shard AND #due <= :now",
            ExpressionAttributeNames = new() { ["#shard"] = DueShard, ["#due"] = DueAt },
            ExpressionAttributeValues = new()
            {
                [":shard"] = S(DueShardValue),
                [":now"] = N(StoredRecord.ToEpochMs(now)),
            },
            ScanIndexForward = true,
        }, limit, cancellationToken);
    }

    public Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsurePositive(limit);
        // The sparse due index holds every open request; the filter drops the few final ones still due. A filtered
        // page may come back short, so QueryAsync reads on until the limit is met or the index is exhausted.
        return QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = DueIndex,
            KeyConditionExpression = "#shard = :shard",
            FilterExpression = "#status IN (:pending, :approved, :issuing, :active)",
            ExpressionAttributeNames = new() { ["#shard"] = DueShard, ["#status"] = Status },
            ExpressionAttributeValues = new()
            {
                [":shard"] = S(DueShardValue),
                [":pending"] = S(nameof(RequestStatus.Pending)),
                [":approved"] = S(nameof(RequestStatus.Approved)),
                [":issuing"] = S(nameof(RequestStatus.Issuing)),
                [":active"] = S(nameof(RequestStatus.Active)),
            },
            ScanIndexForward = true,
        }, limit, cancellationToken);
    }

    public Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        TransitionGuard.EnsurePositive(limit);
        return QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = RequesterIndex,
            KeyConditionExpression = "#rk = :rk",
            ExpressionAttributeNames = new() { ["#rk"] = RequesterKey },
            ExpressionAttributeValues = new() { [":rk"] = S(requester.Key) },
            ScanIndexForward = false,
        }, limit, cancellationToken);
    }

    public async IAsyncEnumerable<AccessRequest> ReadCreatedAsync(
        DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        long fromMs = StoredRecord.ToEpochMs(from), toMs = StoredRecord.ToEpochMs(to);
        if (fromMs >= toMs)
        {
            yield break;
        }
        // One partition per UTC month, oldest first; within a month the sort key keeps creation order.
        var month = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (; month < to; month = month.AddMonths(1))
        {
            var query = new QueryRequest
            {
                TableName = Table,
                IndexName = CreatedIndex,
                KeyConditionExpression = "#cm = :cm AND #ca BETWEEN :from AND :last",
                ExpressionAttributeNames = new() { ["#cm"] = CreatedMonth, ["#ca"] = CreatedAt },
                ExpressionAttributeValues = new()
                {
                    [":cm"] = S(MonthOf(month)),
                    [":from"] = N(fromMs),
                    [":last"] = N(toMs - 1),
                },
                ScanIndexForward = true,
            };
            do
            {
                var response = await _calls.RunAsync("Query", ct => Client.QueryAsync(query, ct), cancellationToken);
                foreach (var item in response.Items ?? [])
                {
                    yield return FromItem(item);
                }
                query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (query.ExclusiveStartKey is not null);
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        // A data-plane read of a key that never exists: proves reachability, credentials, the
        // table and the GetItem permission the app needs, at the cost of one small read.
        await GetAsync(Guid.Empty, cancellationToken);
    }

    public void Dispose() => _init.Dispose();

    private async Task<IReadOnlyList<AccessRequest>> QueryAsync(QueryRequest query, int limit, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var found = new List<AccessRequest>();
        // A page is also cut at 1 MB, so keep reading until the limit is met or the index is exhausted.
        do
        {
            query.Limit = limit - found.Count;
            var response = await _calls.RunAsync("Query", ct => Client.QueryAsync(query, ct), cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                found.Add(FromItem(item));
            }
            query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (found.Count < limit && query.ExclusiveStartKey is not null);
        return found;
    }

    // Every call waits on this once: the table must exist, be ACTIVE and have the key and indexes the queries use.
    // A table made from another definition fails here with one line (and /readyz says it), not query by query.
    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        if (await DescribeAsync(cancellationToken) is null)
        {
            if (!_options.CreateTableIfMissing)
            {
                throw _calls.Unavailable("DescribeTable", new ResourceNotFoundException($"Table {Table} not found"));
            }
            try
            {
                await _calls.RunAsync("CreateTable",
                    ct => Client.CreateTableAsync(CreateTableRequest(Table), ct), cancellationToken);
                _logger.TableCreated(Table);
            }
            catch (ResourceInUseException)
            {
                // Another replica created it first.
            }
        }
        var table = await WaitUntilActiveAsync(cancellationToken);
        if (DynamoDbTableCheck.Missing(table) is { Count: > 0 } missing)
        {
            var message = DynamoDbTableCheck.Describe(Table, missing);
            _logger.TableMismatch(message);
            throw new StoreUnavailableException(message, new DynamoDbTableMismatchException(message));
        }
        if (_options.CreateTableIfMissing)
        {
            await EnableTimeToLiveAsync(cancellationToken);
        }
        _logger.TableReady(Table);
    }

    private async Task<TableDescription?> DescribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client.DescribeTableAsync(new DescribeTableRequest { TableName = Table }, cancellationToken);
            return response?.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (DynamoDbCalls.IsInfrastructure(ex, cancellationToken))
        {
            throw _calls.Unavailable("DescribeTable", ex);
        }
    }

    private async Task<TableDescription> WaitUntilActiveAsync(CancellationToken cancellationToken)
    {
        // Waiting on DynamoDB is wall-clock time, not the app's clock: a frozen test clock must not hang start-up.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var table = await DescribeAsync(cancellationToken)
                ?? throw _calls.Unavailable("DescribeTable", new ResourceNotFoundException($"Table {Table} not found"));
            bool active = table.TableStatus == TableStatus.ACTIVE &&
                (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE);
            if (active)
            {
                return table;
            }
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new StoreUnavailableException($"DynamoDB table {Table} did not become ACTIVE within 2 minutes.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private async Task EnableTimeToLiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = Table,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ExpiresAt, Enabled = true },
            }, cancellationToken);
        }
        catch (AmazonDynamoDBException ex)
        {
            // Already enabled, or a local stand-in without TTL: retention then relies on the table definition.
            _logger.TtlNotEnabled(Table, ex.ErrorCode ?? ex.GetType().Name);
        }
    }
}
