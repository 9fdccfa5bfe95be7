namespace SlackJit.Access;

/// <summary>
/// A decided state change: the request as it must be found (<see cref="FromStatus"/>,
/// <see cref="FromVersion"/>), the request after the change (<see cref="Next"/>, whose version is
/// one higher and whose events end with <see cref="Event"/>), and the audit event it appends.
/// </summary>
public sealed record Transition(RequestStatus FromStatus, long FromVersion, AccessRequest Next, AuditEvent Event)
{
    /// <summary>Builds a transition from <paramref name="current"/>: bumps the version and appends the event.</summary>
    public static Transition From(AccessRequest current, AccessRequest next, AuditEvent ev) =>
        new(current.Status, current.Version, next with { Version = current.Version + 1, Events = current.Events.Add(ev) }, ev);
}
