using SlackJit.Storage;

namespace SlackJit.Audit;

/// <summary>The store's requests of a period, filtered and turned into <see cref="AuditRecord"/>s as they stream by.</summary>
internal static class AuditReader
{
    public static async IAsyncEnumerable<AuditRecord> ReadAsync(
        IRequestHistory history, AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var request in history.ReadCreatedAsync(query.From, query.To, cancellationToken))
        {
            if (query.Matches(request))
            {
                yield return AuditRecord.From(request);
            }
        }
    }
}
