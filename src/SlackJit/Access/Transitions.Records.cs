namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// Records an attempt that changed nothing (a non-approver's click, a self-approval, a late click)
    /// so the audit trail shows it. Allowed in every status; the status stays.
    /// </summary>
    public static Transition RecordAttempt(AccessRequest request, string actor, string action, string? detail, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return Transition.From(request, request, Event(request, now, actor, action, request.Status, detail));
    }

    /// <summary>
    /// Records a refused click (a non-approver, a self-approval, a late click): the first by this person for this
    /// action is an audit event; every further one only raises <see cref="AccessRequest.RefusedClicks"/>.
    /// </summary>
    public static Transition RecordRefusedClick(AccessRequest request, string actor, string action, string? detail, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var key = $"{action} {actor}";
        var count = request.RefusedClicks.GetValueOrDefault(key) + 1;
        var next = request with { RefusedClicks = request.RefusedClicks.SetItem(key, count) };
        return count == 1
            ? Transition.From(request, next, Event(request, now, actor, action, request.Status, detail))
            : Transition.Quiet(request, next);
    }

    /// <summary>
    /// Stores where the card and DM live once Slack has answered. Allowed in every status; the status stays.
    /// A conflict means the request moved meanwhile: re-read and apply again.
    /// </summary>
    public static Transition WithSlackRefs(AccessRequest request, SlackRefs refs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refs);
        var detail = string.Join(
            ", ",
            new[]
            {
                refs.CardTs is null ? null : $"card {refs.CardChannel} {refs.CardTs}",
                refs.DmTs is null ? null : $"dm {refs.DmChannel} {refs.DmTs}",
            }.OfType<string>());
        return Transition.From(
            request,
            request with { Slack = refs },
            Event(request, now, AuditEvent.SystemActor, AuditActions.SlackRefs, request.Status, detail.Length == 0 ? null : detail));
    }
}
