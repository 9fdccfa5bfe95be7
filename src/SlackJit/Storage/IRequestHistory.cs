using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Reads requests across requesters by creation time, for the audit export and report. Streams: a caller holds one
/// page at a time, never the whole table. Both adapters read through an index on the creation time.
/// </summary>
public interface IRequestHistory
{
    /// <summary>Requests created in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    IAsyncEnumerable<AccessRequest> ReadCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
