using Microsoft.Data.Sqlite;
using SlackJit.Access;
using SlackJit.Storage;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Reads every request in the harness's SQLite file, whoever made it (a store query by requester would miss a
/// request filed under a forged team id): the oracle for "nothing changed".
/// </summary>
internal sealed class StoreProbe(SlackJitHarness harness)
{
    public async Task<IReadOnlyDictionary<Guid, RequestFingerprint>> SnapshotAsync()
    {
        var path = Path.Combine(harness.DataDir, "slackjit.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc, events FROM access_requests";
        await using var reader = await command.ExecuteReaderAsync();
        var all = new Dictionary<Guid, RequestFingerprint>();
        while (await reader.ReadAsync())
        {
            var request = StoredRecord.DeserializeDocument(reader.GetString(0), StoredRecord.DeserializeEvents(reader.GetString(1)));
            all.Add(request.Id, RequestFingerprint.Of(request));
        }
        return all;
    }

    /// <summary>Fails naming the first request that appeared, vanished or changed between two snapshots.</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<Guid, RequestFingerprint> before, IReadOnlyDictionary<Guid, RequestFingerprint> after, string input)
    {
        var appeared = after.Keys.Except(before.Keys).ToList();
        Assert.True(appeared.Count == 0, $"new request {string.Join(", ", appeared.Select(id => after[id]))} after input: {EndpointPropertyTests.Show(input)}");
        foreach (var (id, was) in before)
        {
            Assert.True(after.TryGetValue(id, out var now), $"request {id} vanished after input: {EndpointPropertyTests.Show(input)}");
            Assert.True(was == now, $"request {id} changed after input: {EndpointPropertyTests.Show(input)}\nbefore: {was}\nafter:  {now}");
        }
    }
}

/// <summary>
/// What hostile input must never change about a request: status, decisions, grant, what was asked for, and the
/// decisive part of the audit trail. Left out on purpose: Slack refs and the version they bump (the card being
/// posted in the background), and the audit lines of refused attempts (a refused click is recorded, by design).
/// </summary>
internal sealed record RequestFingerprint(
    Guid Id,
    RequestStatus Status,
    SlackIdentity Requester,
    ResourceRef Resource,
    TimeSpan RequestedDuration,
    TimeSpan? ApprovedDuration,
    string Reason,
    DateTimeOffset Deadline,
    int RequiredApprovals,
    string Approvals,
    GrantInfo? Grant,
    string? DecidedBy,
    string? Outcome,
    string DecisiveEvents)
{
    private static readonly HashSet<string> NonDecisive = [AuditActions.SlackRefs, AuditActions.CardFailed, AuditActions.ApproveRefused, AuditActions.DenyRefused];

    public static RequestFingerprint Of(AccessRequest r) => new(
        r.Id,
        r.Status,
        r.Requester,
        r.Resource,
        r.RequestedDuration,
        r.ApprovedDuration,
        r.Reason,
        r.Deadline,
        r.RequiredApprovals,
        string.Join(",", r.Approvals.Select(a => a.ApproverId)),
        r.Grant,
        r.DecidedBy,
        r.Outcome,
        string.Join(",", r.Events.Where(e => !NonDecisive.Contains(e.Action)).Select(e => $"{e.Action}:{e.Actor}:{e.To}")));
}
