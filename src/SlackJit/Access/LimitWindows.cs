namespace SlackJit.Access;

/// <summary>
/// What the abuse limits count, as times (see <see cref="AccessPolicy.LimitWindowsAt"/>): requests created after
/// <see cref="CreatedAfter"/> count towards the hourly limit; Pending requests created after
/// <see cref="PendingCreatedAfter"/> whose deadline is after <see cref="Now"/> count as waiting.
/// </summary>
public readonly record struct LimitWindows(DateTimeOffset Now, DateTimeOffset CreatedAfter, DateTimeOffset PendingCreatedAfter);
