using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// The request store port. Two adapters (SQLite, DynamoDB) pass the same contract tests.
/// Expected outcomes (exists, conflict, not found) are values; exceptions mean the store is unavailable
/// (<see cref="StoreUnavailableException"/>) or a bug.
/// </summary>
public interface IAccessRequestStore
{
    /// <summary>Creates a request; refused when the id already exists.</summary>
    Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken);

    Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="transition"/> only if the stored request still has its
    /// <see cref="Transition.FromStatus"/> and <see cref="Transition.FromVersion"/>; the audit event is
    /// appended in the same atomic write.
    /// </summary>
    Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken);

    /// <summary>Requests whose <see cref="AccessRequest.DueAt"/> is at or before <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>One requester's requests, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Requests not final yet (Pending, Approved, Issuing, Active), soonest due first, at most <paramref name="limit"/>.
    /// Read through the due index: an open request is always due at some time (its deadline, its window's end, …), so the
    /// index holds every open request and few others (a revoked grant until AWS's deny is in place, a finished grant whose DM
    /// clean-up is retried) — never a table scan.
    /// </summary>
    Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Cheap round trip for readiness.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

public enum CreateResult
{
    Created,
    AlreadyExists,
}

/// <summary>The outcome of a conditional transition.</summary>
/// <param name="Applied">True when this write won.</param>
/// <param name="Current">After a conflict, the request as stored now (null if it does not exist).</param>
public sealed record TransitionResult(bool Applied, AccessRequest? Current)
{
    public static TransitionResult Success(AccessRequest next) => new(true, next);
    public static TransitionResult Conflict(AccessRequest? current) => new(false, current);
    public bool IsConflict => !Applied;
}

/// <summary>The store did not answer (network, throttling, disk); callers answer "try again shortly".</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
