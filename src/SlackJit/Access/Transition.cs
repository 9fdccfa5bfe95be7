namespace SlackJit.Access;

/// <summary>
/// A decided state change: the request as it must be found (<see cref="FromStatus"/>,
/// <see cref="FromVersion"/>), the request after the change (<see cref="Next"/>, whose version is
/// one higher and whose events end with <see cref="Event"/>), and the audit event it appends — or none, for
/// bookkeeping that must not grow the record (a new due time, one more refused click by someone already on record).
/// </summary>
public sealed record Transition(RequestStatus FromStatus, long FromVersion, AccessRequest Next, AuditEvent? Event)
{
    /// <summary>Builds a transition from <paramref name="current"/>: bumps the version and appends the event.</summary>
    /// <remarks>
    /// The next due time is <see cref="BreakGlassReviews.WithDue"/>'s: an open break-glass review keeps its next step in
    /// it beside the status's, and a step that leaves the due time as it found it leaves the status's schedule alone.
    /// </remarks>
    public static Transition From(AccessRequest current, AccessRequest next, AuditEvent ev) =>
        new(current.Status, current.Version, BreakGlassReviews.WithDue(current, next with { Version = current.Version + 1, Events = current.Events.Add(ev) }), ev);

    /// <summary>A transition that appends no audit event (the status stays; the record does not grow).</summary>
    public static Transition Quiet(AccessRequest current, AccessRequest next) =>
        new(current.Status, current.Version, BreakGlassReviews.WithDue(current, next with { Version = current.Version + 1, Events = current.Events }), null);
}
