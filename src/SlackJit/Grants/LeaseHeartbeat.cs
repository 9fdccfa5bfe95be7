using Microsoft.Extensions.Options;
using SlackJit.Lifecycle;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Keeps an issuing or renewing worker's claim alive while it works, so the claim itself can be short
/// (<c>Lifecycle:IssueLease</c>, 20 s by default): every third of the lease the worker moves its lease slot
/// (<see cref="ISlotStore"/>, a compare-and-set write that changes neither the request nor its audit trail) forward.
/// Another worker takes over only once the slot has run out — a crashed worker's claim is picked up within one
/// lease, a live worker's never, however long STS or Slack take.
/// </summary>
internal sealed class LeaseHeartbeat(ISlotStore slots, IOptions<LifecycleOptions> options, TimeProvider time, ILogger<LeaseHeartbeat> logger)
{
    public static string Key(Guid requestId) => "lease#" + requestId.ToString("D");

    public TimeSpan Lease => options.Value.IssueLease;

    /// <summary>Starts holding the lease of <paramref name="holder"/> (one claim of <paramref name="requestId"/>) until the hold is disposed.</summary>
    public async Task<LeaseHold> HoldAsync(Guid requestId, string holder, CancellationToken cancellationToken)
    {
        var key = Key(requestId);
        var current = (await slots.GetSlotsAsync([key], cancellationToken)).GetValueOrDefault(key);
        var mine = new SlotValue(holder, time.GetUtcNow() + Lease).Normalized();
        var held = await slots.TrySetSlotAsync(key, current, mine, cancellationToken) ? mine : null;
        return new LeaseHold(this, key, held);
    }

    /// <summary>Whether a worker holds the lease of <paramref name="requestId"/> now (its slot has not run out), for a holder starting with <paramref name="holderPrefix"/>.</summary>
    public async Task<bool> IsHeldAsync(Guid requestId, string holderPrefix, CancellationToken cancellationToken)
    {
        var key = Key(requestId);
        var current = (await slots.GetSlotsAsync([key], cancellationToken)).GetValueOrDefault(key);
        return current is not null && current.Holder.StartsWith(holderPrefix, StringComparison.Ordinal) && current.Until > time.GetUtcNow();
    }

    internal async Task<SlotValue?> BeatAsync(string key, SlotValue held, CancellationToken cancellationToken)
    {
        var next = held with { Until = (time.GetUtcNow() + Lease) };
        next = next.Normalized();
        if (await slots.TrySetSlotAsync(key, held, next, cancellationToken))
        {
            return next;
        }

        GrantsLog.HeartbeatLost(logger, key);
        return null;
    }

    internal Task<bool> ReleaseAsync(string key, SlotValue held) =>
        slots.TrySetSlotAsync(key, held, held with { Until = DateTimeOffset.UnixEpoch }, CancellationToken.None);

    internal Task DelayAsync(CancellationToken cancellationToken) => Task.Delay(Lease / 3, time, cancellationToken);

    internal DateTimeOffset Now => time.GetUtcNow();
}
