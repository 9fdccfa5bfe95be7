using System.Globalization;
using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// One slot to claim for a new request: the first free one of the <paramref name="Count"/> slots named
/// <paramref name="KeyPrefix"/> followed by their index (0, 1, …), set to <paramref name="Value"/>.
/// A held slot is free once its <see cref="SlotValue.Until"/> has passed; a pending slot also when the request its
/// holder names (a request id) is stored and no longer Pending (<see cref="HolderGone"/>).
/// </summary>
public sealed record SlotClaim(string KeyPrefix, int Count, SlotValue Value)
{
    /// <summary>The name of slot number <paramref name="index"/>.</summary>
    public string KeyAt(int index) => KeyPrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Free by time alone: the claim in the slot no longer stands by itself.</summary>
    public static bool Expired(SlotValue held, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(held);
        return held.Until <= now;
    }

    /// <summary>The holder can no longer be pending: it has left Pending (which it never re-enters) or its deadline passed.</summary>
    public static bool HolderGone(RequestStatus status, DateTimeOffset deadline, DateTimeOffset now) =>
        status != RequestStatus.Pending || deadline <= now;
}
