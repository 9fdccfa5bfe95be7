using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>How <see cref="DecideAgainOnConflict.ApplyDecidingAgainAsync"/> ended.</summary>
public enum DecidedWriteStatus
{
    /// <summary>Our transition was written.</summary>
    Applied,

    /// <summary>The decision, on the state stored at the time, was a refusal; nothing was written.</summary>
    Refused,

    /// <summary>The step before the write said stop; nothing was written.</summary>
    Stopped,

    /// <summary>The request no longer exists.</summary>
    Gone,

    /// <summary>Every attempt lost to another writer.</summary>
    Contended,
}

/// <summary>The end of one "apply, and on conflict decide again".</summary>
/// <param name="Current">
/// The request as last known: after <see cref="DecidedWriteStatus.Applied"/> as written; otherwise the state the
/// last decision was made on (for <see cref="DecidedWriteStatus.Gone"/>, the last state seen before it vanished).
/// </param>
/// <param name="Refusal">Set for <see cref="DecidedWriteStatus.Refused"/>.</param>
public sealed record DecidedWrite(DecidedWriteStatus Status, AccessRequest Current, Refusal? Refusal = null)
{
    public bool Applied => Status == DecidedWriteStatus.Applied;
}
