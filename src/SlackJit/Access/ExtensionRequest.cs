using System.Collections.Immutable;

namespace SlackJit.Access;

/// <summary>
/// The requester asked for more time on a live grant: a new total duration, decided by the same approvers under the
/// same rules (self-approval, N of M) as the request itself. Kept after the decision so its card can show it.
/// </summary>
/// <param name="NewTotal">The whole approved window asked for, counted from the original approval.</param>
/// <param name="Reason">Why, in the requester's words (shown as plain text).</param>
/// <param name="At">When it was asked.</param>
/// <param name="From">The approved duration before this extension.</param>
public sealed record ExtensionRequest(TimeSpan NewTotal, string Reason, DateTimeOffset At, TimeSpan From)
{
    public ImmutableList<Approval> Approvals { get; init; } = [];

    /// <summary>Null while open; then <see cref="AuditActions.ExtensionApproved"/> or <see cref="AuditActions.ExtensionDenied"/>.</summary>
    public string? Decision { get; init; }

    public string? DecidedBy { get; init; }
    public string? CardChannel { get; init; }
    public string? CardTs { get; init; }

    public bool IsOpen => Decision is null;
}
