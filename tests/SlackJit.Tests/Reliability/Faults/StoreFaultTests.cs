using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Net;
using SlackJit.Tests.Requests;
using static SlackJit.Tests.Reliability.Faults.FaultApp;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>
/// The store not answering: a real broken SQLite path, a DynamoDB endpoint nobody listens on, and (at the port) a
/// store that fails midway through a flow. People are told to try again; nothing is half-written; /readyz says 503.
/// </summary>
public sealed class StoreFaultTests
{
    private const string Ask = "analytics-prod/reports 2h INC-4211 investigating";

    [Fact]
    public async Task Command_SqliteFolderCannotBeCreated_TryAgainShortlyReadyz503AndNothingWritten()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "slackjit-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file where the store's folder should be");
        // Under a regular file no folder can be made, whoever the tests run as (root ignores read-only modes).
        var path = Path.Combine(blocker, "data", "slackjit.db");
        try
        {
            await using var app = await StartAsync(o => o.Settings["Store:Sqlite:Path"] = path);

            await AssertStoreDownEverywhereAsync(app, "SQLite store: cannot create the folder");

            Assert.False(File.Exists(path));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task Command_DynamoDbEndpointNotListening_TryAgainShortlyReadyz503()
    {
        await using var app = await StartAsync(o =>
        {
            o.Settings["Store:Provider"] = "DynamoDb";
            o.Settings["Store:DynamoDb:TableName"] = "requests";
            o.Services = s => s.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(
                new BasicAWSCredentials("AKIAFAKEDYNAMO000001", "fake-dynamo-secret"),
                new AmazonDynamoDBConfig
                {
                    ServiceURL = LoopbackPorts.ClosedUrl(),
                    AuthenticationRegion = "us-east-1",
                    Timeout = TimeSpan.FromSeconds(1),
                    MaxErrorRetry = 0,
                }));
        });

        await AssertStoreDownEverywhereAsync(app, "DynamoDB");
    }

    [Fact]
    public async Task Command_StoreFailsOnTheWrite_TryAgainShortlyNothingStoredNoCard()
    {
        await using var real = await RealStore.CreateAsync();
        var store = real.Forwarding();
        store.CreateAsync(default!, default).ThrowsAsyncForAnyArgs(new StoreUnavailableException("disk I/O error"));
        await using var app = await StartAsync(o => o.Services = s => s.AddSingleton(store));

        var ack = await app.Harness.AskAsync(Ask);

        Assert.Equal(RequestReplies.StoreDown, (string?)ack["text"]);
        Assert.Empty(await real.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, Ct));
        // Nothing was queued after the failed write; give a wrong follow-up the time to show.
        await Task.Delay(300);
        Assert.Empty(app.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task ApproveClick_StoreFailsOnTheDecision_ClickerToldToTryAgainCardUntouchedNoSts()
    {
        await using var real = await RealStore.CreateAsync();
        var store = real.Forwarding();
        var storeDown = false;
        store.ApplyAsync(default!, default).ReturnsForAnyArgs(call => storeDown
            ? throw new StoreUnavailableException("database is locked")
            : real.Store.ApplyAsync(call.Arg<Transition>(), call.Arg<CancellationToken>()));
        await using var app = await StartAsync(o => o.Services = s => s.AddSingleton(store));
        var request = await app.Harness.RequestWithCardAsync(Ask);
        var cardBefore = app.Harness.Card(request);

        storeDown = true;
        using var click = await app.Harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SlackJitHarness.Approver);

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var reply = await app.Harness.WaitForReplyAsync(RequestReplies.StoreDown);
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        await Task.Delay(300);
        Assert.Empty(app.Slack.Calls("chat.update"));
        Assert.Equal(cardBefore, app.Harness.Card(request));
        Assert.Empty(app.Harness.Sts.Calls);
        var stored = (await real.Store.GetAsync(request.Id, Ct))!;
        Assert.Equal(RequestStatus.Pending, stored.Status);
        Assert.Empty(stored.Approvals);
        Assert.Equal(request.Version, stored.Version);

        // The store is back: the same click now works and the grant is issued.
        storeDown = false;
        using var again = await app.Harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SlackJitHarness.Approver);
        var active = await app.Harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "Active");
        Assert.Equal(SlackJitHarness.Approver, Assert.Single(active.Approvals).ApproverId);
    }

    private static async Task AssertStoreDownEverywhereAsync(FaultApp app, string reason)
    {
        var request = await app.Harness.AskAsync(Ask);
        var list = await app.Harness.AskAsync("list");
        using var click = await app.Harness.ClickAsync(RequestsSlackKeys.ApproveAction, Guid.CreateVersion7().ToString(), SlackJitHarness.Approver);

        // Slack always gets a 200 with words a person can act on, never a 5xx.
        Assert.Equal(RequestReplies.StoreDown, (string?)request["text"]);
        Assert.Equal(RequestReplies.StoreDown, (string?)list["text"]);
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        await app.Harness.WaitForReplyAsync(RequestReplies.StoreDown);
        Assert.Empty(app.Slack.Calls("chat.postMessage"));

        var (status, body) = await app.ReadyzAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body);
        Assert.Contains(app.LogsAt(LogLevel.Warning), r => r.Id.Id == LogEvents.Hosting.NotReady && r.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await app.Harness.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }


    /// <summary>A real SQLite store in a temp folder, and a substitute at the port that forwards to it.</summary>
    private sealed class RealStore : IAsyncDisposable
    {
        private readonly string _folder;

        private RealStore(string folder, SqliteAccessRequestStore store)
        {
            _folder = folder;
            Store = store;
        }

        public SqliteAccessRequestStore Store { get; }

        public static async Task<RealStore> CreateAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "slackjit-faults-" + Guid.NewGuid().ToString("N"));
            var store = new SqliteAccessRequestStore(Path.Combine(folder, "slackjit.db"), NullLogger<SqliteAccessRequestStore>.Instance);
            await store.InitializeAsync(Ct);
            return new RealStore(folder, store);
        }

        public IAccessRequestStore Forwarding()
        {
            var store = Substitute.For<IAccessRequestStore, ISlotStore>();
            var slots = (ISlotStore)store;
            var realSlots = (ISlotStore)Store;
            slots.GetSlotsAsync(default!, default).ReturnsForAnyArgs(c => realSlots.GetSlotsAsync(c.Arg<IReadOnlyList<string>>(), c.Arg<CancellationToken>()));
            slots.TrySetSlotAsync(default!, default, default!, default).ReturnsForAnyArgs(c =>
                realSlots.TrySetSlotAsync(c.ArgAt<string>(0), c.ArgAt<SlotValue?>(1), c.ArgAt<SlotValue>(2), c.ArgAt<CancellationToken>(3)));
            store.CreateAsync(default!, default).ReturnsForAnyArgs(c => Store.CreateAsync(c.Arg<AccessRequest>(), c.Arg<CancellationToken>()));
            store.GetAsync(default, default).ReturnsForAnyArgs(c => Store.GetAsync(c.Arg<Guid>(), c.Arg<CancellationToken>()));
            store.ApplyAsync(default!, default).ReturnsForAnyArgs(c => Store.ApplyAsync(c.Arg<Transition>(), c.Arg<CancellationToken>()));
            store.GetDueAsync(default, default, default).ReturnsForAnyArgs(c =>
                Store.GetDueAsync(c.Arg<DateTimeOffset>(), c.Arg<int>(), c.Arg<CancellationToken>()));
            store.GetByRequesterAsync(default!, default, default).ReturnsForAnyArgs(c =>
                Store.GetByRequesterAsync(c.Arg<SlackIdentity>(), c.Arg<int>(), c.Arg<CancellationToken>()));
            store.PingAsync(default).ReturnsForAnyArgs(c => Store.PingAsync(c.Arg<CancellationToken>()));
            return store;
        }

        public ValueTask DisposeAsync()
        {
            Store.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleanup.
            }
            return ValueTask.CompletedTask;
        }
    }
}
