using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// One read of the open requests (<see cref="IAccessRequestStore.GetOpenAsync"/>, through the due index) shared by the
/// Homes one change republishes: the first publish that needs it reads, the others reuse that answer. It is read when
/// first needed, never before the change that made it, so each of those Homes shows that change. Reads made later
/// carry a higher <see cref="Sequence"/>: a person's Home takes the newest.
/// </summary>
internal sealed class OpenRequestsRead(IAccessRequestStore store, long sequence, int limit)
{
    private readonly Lock _gate = new();
    private Task<IReadOnlyList<AccessRequest>>? _read;

    public long Sequence => sequence;

    public Task<IReadOnlyList<AccessRequest>> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _read ??= store.GetOpenAsync(limit, cancellationToken);
        }
    }

    /// <summary>The newer of two reads: the one made later is read after every change the other was made for.</summary>
    public static OpenRequestsRead Newest(OpenRequestsRead a, OpenRequestsRead b) => b.Sequence > a.Sequence ? b : a;
}
