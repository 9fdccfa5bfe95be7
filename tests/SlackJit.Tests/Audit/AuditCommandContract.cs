using Microsoft.Extensions.DependencyInjection;
using SlackJit.Access;
using System.Text;
using System.Text.Json;
using SlackJit.Audit;
using SlackJit.Storage;
using static SlackJit.Tests.Audit.AuditScenario;

namespace SlackJit.Tests.Audit;

/// <summary>
/// <c>audit export</c> and <c>audit report</c>, run in-process as the command line runs them, against the
/// <see cref="AuditScenario"/> in a real store. Each store (SQLite, DynamoDB) runs the same tests.
/// </summary>
public abstract class AuditCommandContract : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private IAccessRequestStore? _store;

    protected CancellationToken Ct => _timeout.Token;

    protected IAccessRequestStore Store => _store ?? throw new InvalidOperationException("no store");

    /// <summary>A store ready for writes.</summary>
    protected abstract Task<IAccessRequestStore> CreateStoreAsync();

    /// <summary>The settings that point the command at that store.</summary>
    protected abstract Dictionary<string, string?> Settings { get; }

    protected virtual void Configure(IServiceCollection services)
    {
    }

    protected abstract Task DisposeStoreAsync(IAccessRequestStore store);

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await SeedAsync(_store, Ct);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
        _timeout.Dispose();
    }

    protected async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringWriter();
        int code = await AuditCommandLine.RunAsync(["audit", .. args], output, error, Configure, Settings, Ct);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public async Task ExportCsv_Quarter_OneRowPerRequestOfThePeriodInCreationOrder()
    {
        var (code, output, error) = await RunAsync("export", "--from", "2026-10-01", "--to", "2026-12-31", "--format", "csv");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var rows = Csv.Parse(output);
        Assert.Equal(AuditCsvWriter.Columns, rows[0]);
        Assert.Equal(InPeriod.Select(id => id.ToString("D")), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task ExportCsv_EachOutcome_HasItsDecisionGrantAndEnd()
    {
        var (_, output, _) = await RunAsync("export", "--from", "2026-10-01", "--to", "2026-12-31");
        var rows = Csv.ByRequest(output);

        var expired = rows[Expired.ToString("D")];
        Assert.Equal(("Expired", Alice, "analytics", "analytics-prod", "reports/", "PT2H", "INC-1 disk full"),
            (expired["status"], expired["requester"], expired["resource"], expired["bucket"], expired["prefix"], expired["requested_duration"], expired["reason"]));
        Assert.Equal(("2026-10-05T09:00:00.000Z", "2026-10-05T09:04:00.000Z", Bob), (expired["created_at"], expired["decided_at"], expired["approvers"]));
        Assert.Equal(("2026-10-05T09:04:03.000Z", "2026-10-05T10:04:03.000Z", "ASIAEXPIRED00001"),
            (expired["issued_at"], expired["credentials_expire_at"], expired["access_key_id"]));
        Assert.Equal(("2026-10-05T11:04:03.000Z", "expired", "system"), (expired["ended_at"], expired["ended_how"], expired["ended_by"]));

        var done = rows[Done.ToString("D")];
        Assert.Equal(AwkwardReason, done["reason"]);
        Assert.Equal(("2026-10-20T14:40:00.000Z", "done", Alice), (done["ended_at"], done["ended_how"], done["ended_by"]));

        var denied = rows[Denied.ToString("D")];
        Assert.Equal(("Denied", "2026-11-02T08:02:00.000Z", Dave, "", ""), (denied["status"], denied["decided_at"], denied["denied_by"], denied["approvers"], denied["issued_at"]));
        // A formula is written as text: the leading quote keeps a spreadsheet from running it.
        Assert.Equal("'" + FormulaReason, denied["deny_reason"]);

        var timedOut = rows[TimedOut.ToString("D")];
        Assert.Equal(("TimedOut", "", "", ""), (timedOut["status"], timedOut["decided_at"], timedOut["denied_by"], timedOut["ended_how"]));

        var failed = rows[Failed.ToString("D")];
        Assert.Equal(("Failed", Bob, "", ""), (failed["status"], failed["approvers"], failed["issued_at"], failed["access_key_id"]));

        var revoked = rows[Revoked.ToString("D")];
        Assert.Equal(($"{Bob};{Dave}", "2026-12-01T09:20:00.000Z"), (revoked["approvers"], revoked["decided_at"]));
        Assert.Equal(("2026-12-01T09:35:00.000Z", "revoked", Admin), (revoked["ended_at"], revoked["ended_how"], revoked["ended_by"]));

        Assert.Equal(("Cancelled", ""), (rows[Cancelled.ToString("D")]["status"], rows[Cancelled.ToString("D")]["decided_at"]));
    }

    [Fact]
    public async Task ExportCsv_ResourceAndRequesterFilters_KeepOnlyTheirRequests()
    {
        var (_, byResource, _) = await RunAsync("export", "--from", "2026-10-01", "--to", "2026-12-31", "--resource", "finance");
        var (_, byRequester, _) = await RunAsync("export", "--from", "2026-10-01", "--to", "2026-12-31", "--requester", Erin);

        Assert.Equal(new[] { Denied, TimedOut, Revoked }.Select(i => i.ToString("D")), Csv.ByRequest(byResource).Keys);
        Assert.Equal(new[] { Failed, Revoked }.Select(i => i.ToString("D")), Csv.ByRequest(byRequester).Keys);
    }

    [Fact]
    public async Task ExportCsv_InstantBounds_StartIncludedEndExcluded()
    {
        var (_, output, _) = await RunAsync("export", "--from", "2026-09-30T23:59:59.999Z", "--to", "2027-01-01T00:00:00Z");

        var ids = Csv.ByRequest(output).Keys.ToList();
        Assert.Contains(Before.ToString("D"), ids);
        Assert.DoesNotContain(After.ToString("D"), ids);
    }

    [Fact]
    public async Task ExportJson_Quarter_OneObjectPerRequestWithItsWholeTrail()
    {
        var (code, output, _) = await RunAsync("export", "--from", "2026-10-01", "--to", "2026-12-31", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("request_id").GetString()!);
        Assert.Equal(InPeriod.Select(i => i.ToString("D")), items.Keys);

        var revoked = items[Revoked.ToString("D")];
        var stored = await Store.GetAsync(Revoked, Ct);
        var actions = revoked.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(stored!.Events.Select(e => e.Action), actions);
        Assert.Equal(["created", "approval-recorded", "approved", "issue-claimed", "issued", "revoked"], actions);
        Assert.Equal("2026-12-01T09:35:00.000Z", revoked.GetProperty("events")[5].GetProperty("at").GetString());
        Assert.Equal("revoked", revoked.GetProperty("ended_how").GetString());
        Assert.Equal(2, revoked.GetProperty("approvals").GetArrayLength());
        // JSON carries text as it is: no spreadsheet guard needed there.
        Assert.Equal(FormulaReason, items[Denied.ToString("D")].GetProperty("deny_reason").GetString());
        Assert.Equal("the role refused the session", items[Failed.ToString("D")].GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Report_Quarter_CountsPerResourceAndDecisionTimes()
    {
        var (code, output, error) = await RunAsync("report", "--from", "2026-10-01", "--to", "2026-12-31");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        // requests | approved | denied | timed out | cancelled | failed | issued | revoked | break-glass
        Assert.Contains("| analytics | 4 | 3 | 0 | 0 | 1 | 1 | 2 | 0 | 0 |", output, StringComparison.Ordinal);
        Assert.Contains("| finance | 3 | 1 | 1 | 1 | 0 | 0 | 1 | 1 | 0 |", output, StringComparison.Ordinal);
        Assert.Contains("| **all** | 7 | 4 | 1 | 1 | 1 | 1 | 3 | 1 | 0 |", output, StringComparison.Ordinal);
        // analytics decided after 4, 10 and 6 min: median 6, p95 10. finance after 2 and 20 min.
        Assert.Contains("| analytics | 3 | 6m 00s | 10m 00s |", output, StringComparison.Ordinal);
        Assert.Contains("| finance | 2 | 2m 00s | 20m 00s |", output, StringComparison.Ordinal);
        Assert.Contains("| **all** | 5 | 6m 00s | 20m 00s |", output, StringComparison.Ordinal);
        Assert.Contains("None: no requester approved their own request.", output, StringComparison.Ordinal);
        Assert.Contains("None: every grant has a reason.", output, StringComparison.Ordinal);
        // Bob approved four, Dave approved one and denied one.
        Assert.Contains($"| {Bob} | 4 | 0 | 4 |", output, StringComparison.Ordinal);
        Assert.Contains($"| {Dave} | 1 | 1 | 2 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_LongestGrants_ListedLongestFirstWithHowTheyEnded()
    {
        var (_, output, _) = await RunAsync("report", "--from", "2026-10-01", "--to", "2026-12-31");

        var lines = output.Split('\n').Where(l => l.Contains("| R-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("| 2h 00m | expired |", lines[0], StringComparison.Ordinal);
        Assert.Contains("| 29m 58s | done |", lines[1], StringComparison.Ordinal);
        Assert.Contains("| 14m 56s | revoked |", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SelfApprovalAndGrantWithoutReason_AreListed()
    {
        var t = At("2026-12-10T10:00:00Z");
        var self = Guid.Parse("0195a0b4-0000-7000-8000-000000000099");
        var r = await CreateAsync(Store, self, Erin, new ResourceRef("analytics", "analytics-prod", ""), " ", t, Ct);
        r = await ApplyAsync(Store, Transitions.Approve(r, Erin, t.AddMinutes(1)), Ct);
        r = await ApplyAsync(Store, Transitions.ClaimIssuance(r, t.AddMinutes(1), TimeSpan.FromMinutes(2)), Ct);
        await ApplyAsync(Store, Transitions.Activate(r, new GrantInfo("ASIASELF", "AROA:jit", t.AddHours(1), t.AddHours(2)), t.AddMinutes(1)), Ct);

        var (_, output, _) = await RunAsync("report", "--from", "2026-12-01", "--to", "2026-12-31");

        var shortId = RequestIds.ToShort(self);
        var selfSection = output[output.IndexOf("## Self-approvals", StringComparison.Ordinal)..output.IndexOf("## Approvers", StringComparison.Ordinal)];
        Assert.Contains($"| {shortId} | {Erin} |", selfSection, StringComparison.Ordinal);
        var noReason = output[output.IndexOf("## Grants with no reason", StringComparison.Ordinal)..output.IndexOf("## Self-approvals", StringComparison.Ordinal)];
        Assert.Contains($"| {shortId} |", noReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_EmptyPeriod_HeaderOnlyAndEmptyArray()
    {
        var (_, csv, _) = await RunAsync("export", "--from", "2025-01-01", "--to", "2025-03-31");
        var (_, json, _) = await RunAsync("export", "--from", "2025-01-01", "--to", "2025-03-31", "--format", "json");

        Assert.Equal(string.Join(',', AuditCsvWriter.Columns) + "\r\n", csv);
        Assert.Equal("[]\n", json);
    }
}
