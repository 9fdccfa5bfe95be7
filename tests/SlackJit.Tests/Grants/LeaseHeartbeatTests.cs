using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Grants;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Tests.Fakes;

namespace SlackJit.Tests.Grants;

public sealed class LeaseHeartbeatTests
{
    private static readonly TimeSpan Lease = LifecycleOptions.DefaultIssueLease;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemorySlotStore _slots = new();
    private readonly Guid _id = Guid.NewGuid();

    private LeaseHeartbeat Heartbeat() =>
        new(_slots, Options.Create(new LifecycleOptions()), _time, NullLogger<LeaseHeartbeat>.Instance);

    private SlotValue? Slot => _slots.Snapshot.GetValueOrDefault(LeaseHeartbeat.Key(_id));

    [Fact]
    public async Task HoldAsync_WhileWorking_BeatsEveryThirdOfTheLeaseAndNeverLapses()
    {
        var heartbeat = Heartbeat();
        await using (var hold = await heartbeat.HoldAsync(_id, "issue:1", CancellationToken.None))
        {
            for (var step = 0; step < 12; step++)
            {
                _time.Advance(Lease / 4);
                var deadline = DateTime.UtcNow.AddSeconds(5);
                while (!(Slot!.Until > _time.GetUtcNow()) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5);
                }

                Assert.True(hold.IsHeld, $"lapsed at step {step}");
                Assert.True(await heartbeat.IsHeldAsync(_id, "issue:", CancellationToken.None));
            }
        }

        // Done: the lease is given back at once.
        Assert.False(await heartbeat.IsHeldAsync(_id, "issue:", CancellationToken.None));
    }

    [Fact]
    public async Task IsHeldAsync_AWorkerThatStoppedBeating_LapsesWithinOneLease()
    {
        var left = new SlotValue("issue:3", _time.GetUtcNow() + Lease).Normalized();
        Assert.True(await _slots.TrySetSlotAsync(LeaseHeartbeat.Key(_id), null, left, CancellationToken.None));
        var heartbeat = Heartbeat();

        Assert.True(await heartbeat.IsHeldAsync(_id, "issue:", CancellationToken.None));
        Assert.False(await heartbeat.IsHeldAsync(_id, "renew:", CancellationToken.None));
        _time.Advance(Lease);
        Assert.False(await heartbeat.IsHeldAsync(_id, "issue:", CancellationToken.None));
        Assert.True(Lease <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task HoldAsync_LeaseTakenOverMeanwhile_StopsHolding()
    {
        var heartbeat = Heartbeat();
        await using var hold = await heartbeat.HoldAsync(_id, "issue:1", CancellationToken.None);
        var mine = Slot!;
        Assert.True(await _slots.TrySetSlotAsync(LeaseHeartbeat.Key(_id), mine, new SlotValue("issue:2", mine.Until), CancellationToken.None));

        _time.Advance(Lease / 2);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (hold.IsHeld && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.False(hold.IsHeld);
        Assert.Equal("issue:2", Slot!.Holder);
    }
}
