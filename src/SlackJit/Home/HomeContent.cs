using SlackJit.Access;

namespace SlackJit.Home;

/// <summary>What one person's Home shows, read from the store and checked against the catalog.</summary>
/// <param name="Open">Their own requests still open (pending, approved, live), newest first.</param>
/// <param name="History">Their own finished requests, newest first.</param>
/// <param name="IsApprover">Listed among some entry's approvers: the Home shows the approver's part.</param>
/// <param name="Waiting">Pending requests this person may approve now, oldest first.</param>
/// <param name="Revocable">Live grants this person may revoke, ending soonest first.</param>
internal sealed record HomeContent(
    IReadOnlyList<AccessRequest> Open,
    IReadOnlyList<AccessRequest> History,
    bool IsApprover,
    IReadOnlyList<AccessRequest> Waiting,
    IReadOnlyList<AccessRequest> Revocable);
