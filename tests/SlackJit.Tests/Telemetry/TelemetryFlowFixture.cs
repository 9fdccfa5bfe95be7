using System.Diagnostics;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Telemetry;

/// <summary>
/// One run of the whole app (<see cref="SlackJitHarness"/> with <c>/metrics</c> on its own port and the in-memory span
/// exporter) through every outcome: done, expired, denied, failed (STS AccessDenied), refused and timed out.
/// </summary>
public sealed class TelemetryFlowFixture : IAsyncLifetime
{
    public List<Activity> Spans { get; } = [];
    public SlackJitHarness Harness { get; private set; } = null!;
    public AccessRequest Done { get; private set; } = null!;
    public AccessRequest Expired { get; private set; } = null!;
    public AccessRequest Denied { get; private set; } = null!;
    public AccessRequest Failed { get; private set; } = null!;
    public AccessRequest TimedOut { get; private set; } = null!;

    /// <summary>How overdue the oldest due request was when the last sweep began.</summary>
    public TimeSpan LastSweepLag { get; private set; }

    private static string DmChannel => FakeSlackApi.DmChannelFor(SlackJitHarness.Requester);

    public async Task InitializeAsync()
    {
        Harness = await SlackJitHarness.StartAsync(o =>
        {
            o.ServeMetrics = true;
            o.Spans = Spans;
            o.ManualSweeps = true;
        });
        var h = Harness;

        var done = await h.RequestWithCardAsync("analytics-prod/reports 2h INC-1 reading the nightly report");
        await ApproveAsync(done, RequestStatus.Active);
        var active = (await h.Store.GetAsync(done.Id, CancellationToken.None))!;
        using (await h.ClickAsync(GrantActionIds.Done, done.Id.ToString(), SlackJitHarness.Requester, DmChannel, active.Slack.DmTs!))
        {
        }
        Done = await h.WaitForRequestAsync(done.Id, r => r.Status == RequestStatus.Ended, "the first grant ended");

        var expired = await h.RequestWithCardAsync("analytics-prod/exports 1h INC-2 checking an export");
        await ApproveAsync(expired, RequestStatus.Active);

        var denied = await h.RequestWithCardAsync("analytics-prod/reports 1h INC-3 a look at last week");
        using (await h.ClickAsync(RequestsSlackKeys.DenyAction, denied.Id.ToString(), SlackJitHarness.Approver))
        {
        }
        using (await h.SubmitViewAsync(RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values((RequestsSlackKeys.DenyReasonBlock, "not this week")),
            denied.Id.ToString(), SlackJitHarness.Approver))
        {
        }
        Denied = await h.WaitForRequestAsync(denied.Id, r => r.Status == RequestStatus.Denied, "the denial");

        h.Sts.Always = StsFault.AccessDenied;
        var failed = await h.RequestWithCardAsync("analytics-prod/reports 1h INC-4 the role refuses");
        Failed = await ApproveAsync(failed, RequestStatus.Failed);
        h.Sts.Always = null;

        // Not in the catalog: refused at the ack, nothing stored.
        await h.AskAsync("no-such-bucket/x 1h INC-5 nothing here");

        var timedOut = await h.RequestWithCardAsync("analytics-prod/reports 1h INC-6 nobody answers");

        // Past the pending deadline and the second grant's window: one sweep expires one and times out the other.
        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var now = h.Time.GetUtcNow();
        var due = await h.Store.GetDueAsync(now, 50, CancellationToken.None);
        LastSweepLag = now - due[0].DueAt!.Value;
        await h.SweepAsync();
        Expired = await h.WaitForRequestAsync(expired.Id, r => r.Status == RequestStatus.Expired, "the second grant expired");
        TimedOut = await h.WaitForRequestAsync(timedOut.Id, r => r.Status == RequestStatus.TimedOut, "the time-out");

        // Everything queued after the acks (card updates, notices) has run.
        await h.WaitForQueueAsync();
    }

    private async Task<AccessRequest> ApproveAsync(AccessRequest request, RequestStatus until)
    {
        using (await Harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SlackJitHarness.Approver))
        {
        }
        return await Harness.WaitForRequestAsync(request.Id, r => r.Status == until, $"{request.ShortId} {until}");
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
