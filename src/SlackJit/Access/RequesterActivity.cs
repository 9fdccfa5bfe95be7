namespace SlackJit.Access;

/// <summary>A requester's recent activity as the abuse limits see it, counted by the store within <see cref="LimitWindows"/>.</summary>
/// <param name="Pending">Requests still waiting for a decision, before their deadline.</param>
/// <param name="Created">Requests made in the last hour, whatever became of them.</param>
public readonly record struct RequesterActivity(int Pending, int Created);
