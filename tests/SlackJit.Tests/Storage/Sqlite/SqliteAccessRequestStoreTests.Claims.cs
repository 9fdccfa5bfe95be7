using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage.Sqlite;

/// <summary>SQLite claims a new request's slots and writes it in one transaction.</summary>
public sealed partial class SqliteAccessRequestStoreTests
{
    private static readonly SlotValue Later = new("x", T0.AddHours(5));

    [Fact]
    public async Task TryCreateClaimingAsync_TwoStoresOnOneFileRacing_NeverMoreThanTheCap()
    {
        // Two stores on one file stand for two processes: each claim reads and writes under SQLite's write lock.
        using var other = new SqliteAccessRequestStore(DatabasePath, NullLogger<SqliteAccessRequestStore>.Instance);
        var options = new AccessOptions { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
        RequesterSlots[] hosts = [new(Slots, Store), new(other, other)];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await hosts[i % 2].CreateAsync(Pending(), options, T0, Ct);
        })).ToList();

        go.SetResult();
        var checks = await Task.WhenAll(attempts);

        Assert.Equal(5, checks.Count(c => c.IsAllowed));
        Assert.Equal(5, (await Store.GetByRequesterAsync(Requester(), 100, Ct)).Count);
    }

    [Fact]
    public async Task TryCreateClaimingAsync_SecondClaimFull_WritesNeitherTheRequestNorTheFirstSlot()
    {
        Assert.True(await Slots.TrySetSlotAsync("b#0", null, Later, Ct));
        var request = Pending();

        var outcome = await Slots.TryCreateClaimingAsync(request, [Claim("a#", 2), Claim("b#", 1)], T0, Ct);

        Assert.Equal(SlotClaimOutcome.Full(1, 1), outcome);
        Assert.Null(await Store.GetAsync(request.Id, Ct));
        Assert.Empty(await Slots.GetSlotsAsync(["a#0", "a#1"], Ct));
    }

    [Fact]
    public async Task TryCreateClaimingAsync_IdTaken_ClaimsNoSlot()
    {
        var request = Pending();
        await Store.CreateAsync(request, Ct);

        var outcome = await Slots.TryCreateClaimingAsync(request, [Claim("a#", 2)], T0, Ct);

        Assert.Equal(SlotClaimOutcome.IdTaken, outcome);
        Assert.Empty(await Slots.GetSlotsAsync(["a#0", "a#1"], Ct));
    }

    [Fact]
    public async Task TryCreateClaimingAsync_FirstFreeSlotOfEachClaim_TakenOverWithTheNewValue()
    {
        // a#0 held and standing, a#1 ended (free by time), b#0 never claimed.
        Assert.True(await Slots.TrySetSlotAsync("a#0", null, Later, Ct));
        Assert.True(await Slots.TrySetSlotAsync("a#1", null, new SlotValue("old", T0), Ct));
        var request = Pending();
        var value = new SlotValue(request.Id.ToString("D"), T0.AddHours(1));

        var outcome = await Slots.TryCreateClaimingAsync(request, [Claim("a#", 2, value), Claim("b#", 1, value)], T0, Ct);

        Assert.Equal(SlotClaimOutcome.Created, outcome);
        Assert.NotNull(await Store.GetAsync(request.Id, Ct));
        var slots = await Slots.GetSlotsAsync(["a#0", "a#1", "b#0"], Ct);
        Assert.Equal([Later, value, value], [slots["a#0"], slots["a#1"], slots["b#0"]]);
    }

    private static SlotClaim Claim(string prefix, int count, SlotValue? value = null) =>
        new(prefix, count, value ?? new SlotValue("new", T0.AddHours(1)), FreedWhenHolderLeavesPending: true);

    [Fact]
    public async Task TryCreateClaimingAsync_TwelveSlotsHeld_TakesTheFirstFreeIndexInNumberOrderNotKeyOrder()
    {
        // Keys sort "#0", "#1", "#10", "#11", "#2": the claim still takes index 2, the lowest free one.
        foreach (var index in new[] { 0, 1, 3, 10, 11 })
        {
            Assert.True(await Slots.TrySetSlotAsync($"a#{index}", null, Later, Ct));
        }
        Assert.True(await Slots.TrySetSlotAsync("ab#2", null, Later, Ct));
        var request = Pending();

        var outcome = await Slots.TryCreateClaimingAsync(request, [Claim("a#", 12)], T0, Ct);

        Assert.Equal(SlotClaimOutcome.Created, outcome);
        Assert.Equal("new", (await Slots.GetSlotsAsync(["a#2"], Ct))["a#2"].Holder);
    }

    [Fact]
    public async Task TryCreateClaimingAsync_AllHeldBeyondTheCap_CountsOnlyTheCapsSlots()
    {
        foreach (var index in new[] { 0, 1, 2, 7 })
        {
            Assert.True(await Slots.TrySetSlotAsync($"a#{index}", null, Later, Ct));
        }

        var outcome = await Slots.TryCreateClaimingAsync(Pending(), [Claim("a#", 3)], T0, Ct);

        Assert.Equal(SlotClaimOutcome.Full(0, 3), outcome);
    }

    [Fact]
    public async Task Writer_Synchronous_IsFullSoAnAcknowledgedWriteIsSyncedToDisk()
    {
        var store = (SqliteAccessRequestStore)Store;

        // 2 = FULL: in WAL mode the log is synced at every commit, before the write's caller is answered.
        Assert.Equal(2, await store.ReadWriterPragmaAsync("synchronous", Ct));
    }
}
