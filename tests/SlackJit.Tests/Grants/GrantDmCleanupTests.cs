using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Hosting;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Grants;

/// <summary>
/// The DM clean-up when a grant ends, against the workspace emulator on the fake clock: the doubling back-off through
/// the sweeper's due time, the fall-back to <c>chat.delete</c>, which Slack answers count as clean, and the alarm
/// (Error log, card note, <c>/readyz</c> warning). Store-dependent behaviour runs on SQLite and on DynamoDB (dynalite).
/// </summary>
public sealed class GrantDmCleanupTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    private Task<GrantApp> StartAsync(StoreKind store = StoreKind.Sqlite, int editsBeforeDelete = LifecycleOptions.DefaultDmCleanupEditsBeforeDelete) =>
        GrantApp.StartAsync(o =>
        {
            o.UseStore(store, dynalite);
            o.Settings["Lifecycle:DmCleanupEditsBeforeDelete"] = editsBeforeDelete.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

    // An active grant whose window has just ended: the next sweep tries to clean its DM.
    private static async Task<AccessRequest> EndedWindowAsync(GrantApp app)
    {
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        return active;
    }

    private static string Secret(GrantApp app) => app.Harness.Sts.Issued[^1].SecretAccessKey;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Expire_EditKeepsFailing_ExpiresAndRetriesAfterADoublingBackOffCappedAtOneHourWithoutMoreEvents(StoreKind store)
    {
        await using var app = await StartAsync(store, editsBeforeDelete: 20);
        var active = await EndedWindowAsync(app);
        const int failures = 8;
        app.Slack.FailEdits("fatal_error", failures);
        TimeSpan[] expected = [.. new[] { 1, 2, 4, 8, 16, 32, 60, 60 }.Select(m => TimeSpan.FromMinutes(m))];

        for (var i = 0; i < failures; i++)
        {
            var edits = app.Slack.Calls("chat.update").Count;
            Assert.Equal(1, await app.SweepAsync());
            Assert.Equal(edits + 1, app.Slack.Calls("chat.update").Count);
            var failing = await app.GetAsync(active.Id);
            Assert.Equal(RequestStatus.Expired, failing.Status);
            Assert.Equal(new DmCleanup(DmCleanupState.Failing, i + 1, "chat.update: fatal_error", app.Harness.Time.GetUtcNow()), failing.DmCleanup);
            Assert.Equal(app.Harness.Time.GetUtcNow() + expected[i], failing.DueAt);

            // Not a moment sooner: a sweep just before the due time does not touch Slack.
            app.Harness.Time.Advance(expected[i] - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await app.SweepAsync());
            Assert.Equal(edits + 1, app.Slack.Calls("chat.update").Count);
            app.Harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, await app.SweepAsync());
        var expired = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Equal((DmCleanupState.Edited, failures), (expired.DmCleanup!.State, expired.DmCleanup.FailedAttempts));
        // The expiry's own event says the clean-up failed; the failures after it only count, the success is one event.
        Assert.Equal("DM clean-up failing: chat.update: fatal_error", Assert.Single(expired.Events, e => e.Action == AuditActions.Expired).Detail);
        Assert.DoesNotContain(expired.Events, e => e.Action == AuditActions.DmCleanupFailed);
        Assert.Single(expired.Events, e => e.Action == AuditActions.DmCleaned);
        Assert.Empty(app.Slack.Calls("chat.delete"));
        Assert.DoesNotContain(Secret(app), app.Dm().AllText, StringComparison.Ordinal);
        Assert.Empty(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Expire_EditFailsThreeTimes_TheThirdAttemptDeletesTheMessage(StoreKind store)
    {
        await using var app = await StartAsync(store);
        var active = await EndedWindowAsync(app);
        app.Slack.FailEdits("internal_error", 3);

        await app.SweepAsync();
        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        await app.SweepAsync();
        Assert.Empty(app.Slack.Calls("chat.delete"));
        Assert.Equal(2, (await app.GetAsync(active.Id)).DmCleanup!.FailedAttempts);

        app.Harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SweepAsync());

        var expired = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Equal(DmCleanupState.Deleted, expired.DmCleanup!.State);
        Assert.Single(app.Slack.Calls("chat.delete"));
        Assert.Empty(app.Slack.Messages(DmChannel));
        Assert.Contains(app.Logs.Collector.GetSnapshot(), l => l.Id.Id == LogEvents.Grants.DmDeleted);
    }

    [Fact]
    public async Task Expire_DmArchived_EditingCanNeverWorkSoTheMessageIsDeletedAtOnce()
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        app.Slack.ArchiveChannel(DmChannel);

        Assert.Equal(1, await app.SweepAsync());

        var expired = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Deleted), (expired.Status, expired.DmCleanup!.State));
        Assert.Equal("is_archived", app.Slack.Calls("chat.update")[^1].Error);
        Assert.Empty(app.Slack.Messages(DmChannel));
    }

    [Theory]
    [InlineData("cant_update_message", "cant_delete_message")]
    [InlineData("is_archived", "cant_delete_message")]
    [InlineData("channel_not_found", "channel_not_found")]
    [InlineData("message_not_found", "cant_delete_message")]
    public async Task Expire_SlackRefusesEditAndDelete_IsNotScrubbedAndTheGrantExpiresWithTheCleanUpFailing(string editError, string deleteError)
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        app.Slack.FailEdits(editError).FailDeletes(deleteError);

        Assert.Equal(1, await app.SweepAsync());

        var failing = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Expired, failing.Status);
        Assert.True(failing.DmCleanup!.IsFailing);
        Assert.Equal($"chat.update: {editError}, chat.delete: {deleteError}", failing.DmCleanup.LastError);
        Assert.Contains(Secret(app), app.Dm().AllText, StringComparison.Ordinal);
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(1), failing.DueAt);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Expire_DmCanBeNeitherEditedNorDeleted_ExpiresAtTheWindowsEndAndTheCleanUpBacksOffUntilSlackTakesIt(StoreKind store)
    {
        await using var app = await StartAsync(store);
        var active = await EndedWindowAsync(app);
        var windowEnd = active.Grant!.WindowEnd;
        var issued = app.Harness.Sts.Issued[^1];
        const string refused = "chat.update: channel_not_found, chat.delete: channel_not_found";
        // The close and eight retries are refused; the ninth retry is taken.
        const int failures = 9;
        app.Slack.FailEdits("channel_not_found", failures).FailDeletes("channel_not_found", failures);

        Assert.Equal(1, await app.SweepAsync());

        // Expired at the window's end, as I'm done and Revoke end theirs: the expiry's own event says the DM is not clean.
        var expired = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        var expiry = Assert.Single(expired.Events, e => e.Action == AuditActions.Expired);
        Assert.Equal((windowEnd, $"DM clean-up failing: {refused}"), (expiry.At, expiry.Detail));
        Assert.DoesNotContain(expired.Events, e => e.Action == AuditActions.DmCleanupFailed);
        Assert.Equal(new DmCleanup(DmCleanupState.Failing, 1, refused, windowEnd), expired.DmCleanup);
        Assert.Equal(windowEnd + TimeSpan.FromMinutes(1), expired.DueAt);
        var card = app.CardText();
        Assert.Contains("access *ended*", card, StringComparison.Ordinal);
        Assert.DoesNotContain("access until", card, StringComparison.Ordinal);
        Assert.Contains($"DM clean-up failing — secrets may still be visible in the requester's DM; ref {active.ShortId}/channel_not_found", card, StringComparison.Ordinal);
        // The requester's App Home moves it from live to history.
        await Eventually.WaitForAsync(
            () => Task.FromResult(app.Slack.Workspace.HomeView(SlackJitHarness.Requester) is { } home
                && RaceFlow.AllText(home.View) is var text && text.Contains(active.ShortId, StringComparison.Ordinal)
                && !text.Contains("live until", StringComparison.OrdinalIgnoreCase) ? text : null),
            "the requester's Home to show the grant ended");
        Assert.Contains(issued.SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        await AssertSecretsOnlyInTheDmAsync(app, active.Id, issued);

        // Retried on its own back-off (1, 2, 4 … at most 60 min), never sooner; the record does not grow.
        var events = expired.Events.Count;
        var options = new LifecycleOptions();
        for (var attempt = 2; attempt <= failures; attempt++)
        {
            var wait = options.DmCleanupDelay(attempt - 1);
            Assert.True(wait <= LifecycleOptions.DefaultDmCleanupRetryMaxDelay);
            app.Harness.Time.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await app.SweepAsync());
            app.Harness.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await app.SweepAsync());

            var again = await app.GetAsync(active.Id);
            Assert.Equal(new DmCleanup(DmCleanupState.Failing, attempt, refused, app.Harness.Time.GetUtcNow()), again.DmCleanup);
            Assert.Equal((RequestStatus.Expired, app.Harness.Time.GetUtcNow() + options.DmCleanupDelay(attempt)), (again.Status, again.DueAt));
            Assert.Equal(events, again.Events.Count);
        }
        Assert.Equal(failures, app.Slack.Calls("chat.delete").Count);
        Assert.Equal(TimeSpan.FromHours(1), options.DmCleanupDelay(failures));

        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await app.SweepAsync());

        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Edited, failures, (DateTimeOffset?)null),
            (cleaned.Status, cleaned.DmCleanup!.State, cleaned.DmCleanup.FailedAttempts, cleaned.DueAt));
        Assert.Equal((events + 1, AuditActions.DmCleaned), (cleaned.Events.Count, cleaned.Events[^1].Action));
        Assert.DoesNotContain(issued.SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("DM clean-up failing", app.CardText(), StringComparison.Ordinal);
        Assert.Empty(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current);
        await AssertSecretsOnlyInTheDmAsync(app, active.Id, issued);
        Assert.Equal(0, await app.SweepAsync());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Expire_BreakGlassGrantWhoseDmIsRefused_RetriesTheDmOnItsBackOffAndThenWaitsForTheReview(StoreKind store)
    {
        await using var app = await GrantApp.StartAsync(o =>
        {
            o.UseStore(store, dynalite);
            o.Settings["Access:Reminders:Interval"] = "00:00:00";
        });
        var broken = Transitions.BreakGlass(app.NewPending(TimeSpan.FromHours(1)), TimeSpan.FromDays(1), app.Harness.Time.GetUtcNow()).Transition!.Next;
        Assert.Equal(SlackJit.Storage.CreateResult.Created, await app.Store.CreateAsync(broken, Ct));
        Assert.Equal(IssueResult.Activated, await app.IssueAsync(broken.Id));
        var reviewBy = broken.BreakGlass!.ReviewBy;
        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        app.Slack.FailEdits("cant_update_message", 2).FailDeletes("cant_delete_message", 2);

        Assert.Equal(1, await app.SweepAsync());

        // The review is due in 23 hours; the DM clean-up's first retry comes after its own back-off, not then.
        var expired = await app.GetAsync(broken.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Failing), (expired.Status, expired.DmCleanup?.State));
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(1), expired.DueAt);
        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(2), (await app.GetAsync(broken.Id)).DueAt);
        app.Harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SweepAsync());

        var cleaned = await app.GetAsync(broken.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Edited, (DateTimeOffset?)reviewBy), (cleaned.Status, cleaned.DmCleanup!.State, cleaned.DueAt));
        Assert.DoesNotContain(Secret(app), app.Dm().AllText, StringComparison.Ordinal);
    }

    // The STS secret and session token appear in no Slack call but the DM's, in no log line, readiness warning, card
    // or stored record.
    private static async Task AssertSecretsOnlyInTheDmAsync(GrantApp app, Guid id, SlackJit.Tests.Fakes.Aws.FakeStsCredentials issued)
    {
        var stored = System.Text.Json.JsonSerializer.Serialize(await app.GetAsync(id));
        var elsewhere = app.Slack.Calls().Where(c => c.Arg("channel") != DmChannel).Select(c => c.Args.ToJsonString())
            .Concat(app.Logs.Collector.GetSnapshot().Select(l => l.Message + l.Exception))
            .Concat(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current)
            .Append(app.CardText())
            .Append(stored);
        foreach (var text in elsewhere)
        {
            Assert.DoesNotContain(issued.SecretAccessKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(issued.SessionToken, text, StringComparison.Ordinal);
        }
        Assert.Contains(issued.AccessKeyId, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_MessageNotFoundToEditAndDelete_ClosesAsMissingNotAsScrubbed()
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        app.Slack.FailEdits("message_not_found").FailDeletes("message_not_found");

        Assert.Equal(1, await app.SweepAsync());

        var expired = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Missing), (expired.Status, expired.DmCleanup!.State));
        Assert.Contains(app.Logs.Collector.GetSnapshot(), l => l.Id.Id == LogEvents.Grants.DmMissing);
    }

    [Fact]
    public async Task Expire_AdminDeletesTheDmByHandAfterFailures_NextAttemptRecordsMissingAndClearsTheAlarm()
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        app.Slack.FailEdits("cant_update_message").FailDeletes("compliance_exports_prevent_deletion");
        await app.SweepAsync();
        Assert.NotEmpty(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current);

        using (var admin = new SlackJit.Tests.SlackEmulator.EmulatorClient(app.Slack.Emulator))
        {
            var (_, answer, _) = await admin.CallAsync("chat.delete", new System.Text.Json.Nodes.JsonObject { ["channel"] = DmChannel, ["ts"] = app.Dm().Ts });
            Assert.True(answer["ok"]!.GetValue<bool>());
        }
        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.SweepAsync());

        var expired = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Missing, 1), (expired.Status, expired.DmCleanup!.State, expired.DmCleanup.FailedAttempts));
        // The DM calls only: the change also republishes App Home tabs, whose calls may come after them.
        Assert.Equal(["message_not_found", "message_not_found"], app.Slack.Calls().Where(c => c.Method is "chat.update" or "chat.delete").TakeLast(2).Select(c => c.Error));
        Assert.Empty(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current);
        Assert.DoesNotContain("DM clean-up failing", app.CardText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_CleanUpFails_AlertsInTheLogOnTheCardOnReadyzAndInTheMetricUntilItWorks()
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        app.Slack.FailEdits("cant_update_message").FailDeletes("cant_delete_message");
        using var failures = new MetricCollector<long>(
            app.Harness.Services.GetRequiredService<IMeterFactory>(), SlackJit.Telemetry.SlackJitTelemetry.Name, "slackjit.dm_cleanup.failures");

        await app.SweepAsync();

        var counted = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal((1L, "cant_delete_message"), (counted.Value, counted.Tags["kind"] as string));
        var error = Assert.Single(app.Logs.Collector.GetSnapshot(), l => l.Id.Id == LogEvents.Grants.DmCleanupFailing);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(active.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("cant_delete_message", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"DM clean-up failing — secrets may still be visible in the requester's DM; ref {active.ShortId}/cant_delete_message",
            app.CardText(), StringComparison.Ordinal);
        var (status, body) = await app.Harness.ReadyzAsync();
        Assert.Equal((System.Net.HttpStatusCode.OK, "ready"), (status, body));
        Assert.Contains(app.Logs.Collector.GetSnapshot(), l => l.Id.Id == LogEvents.Hosting.ReadinessWarning
            && l.Message.Contains($"the DM of {active.ShortId} may still show credentials", StringComparison.Ordinal));

        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.SweepAsync());

        Assert.Equal(RequestStatus.Expired, (await app.GetAsync(active.Id)).Status);
        Assert.DoesNotContain("DM clean-up failing", app.CardText(), StringComparison.Ordinal);
        Assert.Empty(app.Harness.Services.GetRequiredService<ReadinessWarnings>().Current);
    }

    [Fact]
    public async Task Done_CleanUpRefused_EndsTheGrantAnywayRevokesItAndRetriesTheDmOnTheRevocationsCheck()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        // The close and the first revocation check fail to clean; the second check (one interval later) works.
        app.Slack.FailEdits("cant_update_message", 2).FailDeletes("cant_delete_message", 2);

        await app.ClickAsync(GrantActionIds.Done, active.Id);

        var ended = await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        await app.WaitForQueueAsync();
        ended = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Ended, ended.Status);
        Assert.True(app.Harness.Iam.DeniesSession(SlackJitHarness.RoleName, active.Id.ToString()));
        Assert.Equal((DmCleanupState.Failing, 2), (ended.DmCleanup!.State, ended.DmCleanup.FailedAttempts));
        Assert.Contains("DM clean-up failing", app.CardText(), StringComparison.Ordinal);

        app.Harness.Time.Advance(LifecycleOptions.DefaultSweepInterval);
        await app.SweepAsync();

        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal(DmCleanupState.Edited, cleaned.DmCleanup!.State);
        Assert.Equal(AuditActions.DmCleaned, cleaned.Events.Last(e => e.Action != AuditActions.RevocationEnforced).Action);
        Assert.DoesNotContain(Secret(app), app.Dm().AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("DM clean-up failing", app.CardText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_DmStillRefusedWhenTheDenyIsPruned_TheBackOffTakesOverWithoutMoreRevocationEvents()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        // Refused at the close, at the first and second revocation checks, at the credentials' expiry, and twice more.
        app.Slack.FailEdits("cant_update_message", 6).FailDeletes("cant_delete_message", 6);

        using (await app.Harness.ClickAsync(SlackJit.Cards.CardKeys.RevokeAction, active.Id.ToString(), SlackJitHarness.SecondApprover, SlackJitHarness.ApproverChannel, CardTs))
        {
        }
        await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        await app.WaitForQueueAsync();
        app.Harness.Time.Advance(LifecycleOptions.DefaultSweepInterval);
        await app.SweepAsync();
        var expiry = (await app.GetAsync(active.Id)).Revocation!.CredentialsExpire;
        app.Harness.Time.Advance(expiry - app.Harness.Time.GetUtcNow());
        await app.SweepAsync();

        var pruned = await app.GetAsync(active.Id);
        Assert.Equal(4, pruned.DmCleanup!.FailedAttempts);
        Assert.True(AccessRequests.RevocationSettled(pruned));
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(8), pruned.DueAt);
        var revocationEvents = pruned.Events.Count(e => e.Action == AuditActions.RevocationEnforced);

        app.Harness.Time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(16), (await app.GetAsync(active.Id)).DueAt);
        app.Harness.Time.Advance(TimeSpan.FromMinutes(16));
        await app.SweepAsync();
        app.Harness.Time.Advance(TimeSpan.FromMinutes(32));
        Assert.Equal(1, await app.SweepAsync());

        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal((DmCleanupState.Edited, 6), (cleaned.DmCleanup!.State, cleaned.DmCleanup.FailedAttempts));
        Assert.Null(cleaned.DueAt);
        Assert.Equal(revocationEvents, cleaned.Events.Count(e => e.Action == AuditActions.RevocationEnforced));
        // The revocation's own event says the DM could not be cleaned; the failures after it only count.
        var revoked = Assert.Single(cleaned.Events, e => e.Action == AuditActions.Revoked);
        Assert.Equal("DM clean-up failing: chat.update: cant_update_message, chat.delete: cant_delete_message", revoked.Detail);
        Assert.DoesNotContain(cleaned.Events, e => e.Action == AuditActions.DmCleanupFailed);
        Assert.Equal(AuditActions.DmCleaned, cleaned.Events[^1].Action);
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task Renewal_LosesARaceWithImDoneAndSlackRefusesTheCleanUp_TheEndedRequestSaysSoUntilTheRevocationsCheckCleansIt()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        await app.ClickAsync(GrantActionIds.Done, active.Id);
        await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        await app.WaitForQueueAsync();
        // A renewal that read the request while it was Active shows its credentials, then finds it Ended; the edit
        // that shows them works, the clean-up after it is refused.
        app.Slack.Inject("chat.update", SlackJit.SlackEmulator.WebApi.SlackFault.Delay(TimeSpan.Zero))
            .FailEdits("cant_update_message").FailDeletes("cant_delete_message");
        var late = new SlackJit.Aws.IssuedCredentials(
            "ASIALATE", "late-secret-access-key", "late-session-token", app.Harness.Time.GetUtcNow().AddMinutes(5), "AROA:late", null);
        var delivery = app.Harness.Services.GetRequiredService<CredentialDelivery>();

        var delivered = await delivery.DeliverAsync(
            active, new SlackJit.Aws.IssueOutcome.Issued(late, null), active.Grant!.WindowEnd, renewed: true,
            (current, grant) => Transitions.Renew(current, grant, app.Harness.Time.GetUtcNow()), Ct);

        Assert.Equal(DeliveryStatus.Superseded, delivered.Status);
        var failing = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Ended, DmCleanupState.Failing), (failing.Status, failing.DmCleanup!.State));
        Assert.Equal(AuditActions.DmCleanupFailed, failing.Events[^1].Action);
        Assert.Contains(late.SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        Assert.Contains("DM clean-up failing", app.CardText(), StringComparison.Ordinal);

        app.Harness.Time.Advance(LifecycleOptions.DefaultSweepInterval);
        await app.SweepAsync();

        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Ended, DmCleanupState.Edited), (cleaned.Status, cleaned.DmCleanup!.State));
        Assert.DoesNotContain(late.SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RequestStatus.Expired)]
    [InlineData(RequestStatus.Failed)]
    public async Task Sweep_FinalRequestWhoseCleanUpFails_IsRetriedWithTheBackOffUntilClean(RequestStatus status)
    {
        await using var app = await StartAsync();
        var active = await EndedWindowAsync(app);
        var now = app.Harness.Time.GetUtcNow();
        // As a delivery that lost its race leaves it: final, the DM still showing credentials, due after the back-off.
        var close = status == RequestStatus.Expired
            ? Transitions.Expire(active, now).Transition!
            : Transition.From(active, active with { Status = status, DueAt = null }, new AuditEvent(now, AuditEvent.SystemActor, AuditActions.Failed, active.Status, status));
        Assert.True((await app.Store.ApplyAsync(close, Ct)).Applied);
        var final = close.Next;
        Assert.True((await app.Store.ApplyAsync(Transitions.DmCleanupFailed(final, "chat.update: fatal_error", now.AddMinutes(1), now), Ct)).Applied);
        app.Slack.FailEdits("fatal_error");

        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await app.SweepAsync());
        var again = await app.GetAsync(active.Id);
        Assert.Equal((status, 2), (again.Status, again.DmCleanup!.FailedAttempts));
        Assert.Equal(app.Harness.Time.GetUtcNow() + TimeSpan.FromMinutes(2), again.DueAt);

        app.Harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SweepAsync());

        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal((status, DmCleanupState.Edited, (DateTimeOffset?)null), (cleaned.Status, cleaned.DmCleanup!.State, cleaned.DueAt));
        Assert.DoesNotContain(Secret(app), app.Dm().AllText, StringComparison.Ordinal);
        Assert.Equal(0, await app.SweepAsync());
    }
}
