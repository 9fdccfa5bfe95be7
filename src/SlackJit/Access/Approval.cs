namespace SlackJit.Access;

/// <summary>One approver's approve decision.</summary>
public sealed record Approval(string ApproverId, DateTimeOffset At);
