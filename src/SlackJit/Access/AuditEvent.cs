namespace SlackJit.Access;

/// <summary>
/// One line of a request's audit trail: who did what, when, and why. Appended in the same atomic
/// write as the status change it records. Never holds a secret.
/// </summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Slack user ID, or <c>system</c> for the app itself.</param>
/// <param name="Action">A stable verb, e.g. <c>created</c>, <c>approved</c>, <c>denied</c>, <c>issued</c>, <c>expired</c>.</param>
/// <param name="From">Status before (null for creation).</param>
/// <param name="To">Status after.</param>
/// <param name="Detail">Free text: a reason, an error code, an access key id.</param>
public sealed record AuditEvent(
    DateTimeOffset At,
    string Actor,
    string Action,
    RequestStatus? From,
    RequestStatus To,
    string? Detail = null)
{
    public const string SystemActor = "system";
}
