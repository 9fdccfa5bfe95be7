using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Hosting;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Grants;

/// <summary>
/// Ending a live grant for real: "I'm done" in the DM and Revoke on the card put the grant's session tag in the role's
/// deny policy, through the IAM fake that checks every signature, and the DM, the card and the audit trail say so.
/// </summary>
public sealed class GrantRevocationTests
{
    private const string Role = SlackJitHarness.RoleName;

    private static Task ClickRevokeAsync(GrantApp app, Guid id, string user) =>
        app.Harness.ClickAsync(CardKeys.RevokeAction, id.ToString(), user, SlackJitHarness.ApproverChannel, CardTs);

    // The card as SlackJit last updated it (the approval card service is a substitute in GrantApp): built from the
    // last request it was given, so the text is what the approvers' channel shows.
    private static string CardText(GrantApp app)
    {
        var last = app.Cards.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(IApprovalCards.UpdateAsync))
            .Select(c => (AccessRequest)c.GetArguments()[0]!)
            .Last();
        return SlackJit.Tests.Reliability.Races.RaceFlow.AllText(ApprovalCard.Build(last, null, app.Harness.Time.GetUtcNow()).Blocks);
    }

    [Fact]
    public async Task Done_Requester_AwsDeniesTheGrantsSessionsAndTheDmSaysRevoked()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        var other = await app.CreateActiveAsync(TimeSpan.FromHours(1));

        await app.ClickAsync(GrantActionIds.Done, active.Id);

        var ended = await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        // The DM and card are edited after the store records the revocation: wait for that work too.
        await app.WaitForQueueAsync();
        Assert.Equal(RequestStatus.Ended, ended.Status);
        Assert.True(app.Harness.Iam.DeniesSession(Role, active.Id.ToString()));
        Assert.False(app.Harness.Iam.DeniesSession(Role, other.Id.ToString()));
        Assert.Equal(active.Grant!.SessionExpiry, ended.Revocation!.CredentialsExpire);
        Assert.Equal([AuditActions.Ended, AuditActions.RevocationEnforced], ended.Events.TakeLast(2).Select(e => e.Action));
        Assert.Contains("*Revoked*", app.Slack.Messages(DmChannel).Single(m => m.AllText.Contains(active.ShortId, StringComparison.Ordinal)).AllText, StringComparison.Ordinal);
        Assert.All(app.Harness.Iam.Calls, c => Assert.Null(c.ErrorCode is "SignatureDoesNotMatch" or "InvalidClientTokenId" ? c.ErrorCode : null));
    }

    [Fact]
    public async Task Revoke_Approver_EndsTheGrantNowAndTheCardAndDmSayWhoAndWhen()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromMinutes(20));

        await ClickRevokeAsync(app, active.Id, SlackJitHarness.SecondApprover);

        var revoked = await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        // The DM and card are edited after the store records the revocation: wait for that work too.
        await app.WaitForQueueAsync();
        Assert.Equal(RequestStatus.Ended, revoked.Status);
        Assert.Equal(SlackJitHarness.SecondApprover, revoked.Revocation!.By);
        Assert.Equal(app.Harness.Time.GetUtcNow(), revoked.Revocation.At);
        Assert.Contains(revoked.Events, e => e.Action == AuditActions.Revoked && e.Actor == SlackJitHarness.SecondApprover);
        Assert.True(app.Harness.Iam.DeniesSession(Role, active.Id.ToString()));
        var dm = app.Dm().AllText;
        Assert.Contains($"<@{SlackJitHarness.SecondApprover}> revoked your access", dm, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Harness.Sts.Issued[0].SecretAccessKey, dm, StringComparison.Ordinal);
        Assert.Contains($"access *revoked* by <@{SlackJitHarness.SecondApprover}>", CardText(app), StringComparison.Ordinal);
        Assert.Contains("*revoked* in AWS", CardText(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_SomeoneNotAnApprover_IsRefusedEphemerallyAndAudited()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));

        await ClickRevokeAsync(app, active.Id, SlackJitHarness.Outsider);

        var after = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Active, after.Status);
        var attempt = after.Events[^1];
        Assert.Equal((AuditActions.RevokeRefused, SlackJitHarness.Outsider), (attempt.Action, attempt.Actor));
        var reply = Assert.Single(app.Slack.Calls(FakeSlackApi.ResponseUrlMethod));
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Equal($"Only an approver of this catalog entry can revoke {active.ShortId}.", reply.Arg("text"));
        Assert.Empty(app.Harness.Iam.Calls);
    }

    [Fact]
    public async Task Card_LiveGrant_HasARevokeButtonAndAnEndedOneHasNone()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        var card = ApprovalCard.Build(active, null, app.Harness.Time.GetUtcNow());
        Assert.Contains(CardKeys.RevokeAction, card.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CardKeys.RevokeAction, ApprovalCard.Build(active, null, active.Grant!.WindowEnd).Blocks!.ToJsonString(), StringComparison.Ordinal);

        await app.ClickAsync(GrantActionIds.Done, active.Id);
        var ended = await app.WaitForAsync(active.Id, r => r.Status == RequestStatus.Ended);

        Assert.DoesNotContain(CardKeys.RevokeAction, ApprovalCard.Build(ended, null, app.Harness.Time.GetUtcNow()).Blocks!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_IamRefuses_IsLoudAndTheSweeperRetriesUntilAwsDeniesIt()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        app.Harness.Iam.FailNext(IamFault.AccessDenied);

        await app.ClickAsync(GrantActionIds.Done, active.Id);

        var failed = await app.WaitForAsync(active.Id, r => r.Revocation?.Failure is not null);
        Assert.False(app.Harness.Iam.DeniesSession(Role, active.Id.ToString()));
        Assert.Contains("AccessDenied", failed.Revocation!.Failure, StringComparison.Ordinal);
        Assert.Equal(AuditActions.RevocationFailed, failed.Events[^1].Action);
        Assert.Contains("revoking in AWS failed", CardText(app), StringComparison.Ordinal);
        Assert.Contains(app.Logs.Collector.GetSnapshot(), l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains(active.Id.ToString(), StringComparison.Ordinal));
        var warnings = app.Harness.Services.GetRequiredService<ReadinessWarnings>();
        Assert.Contains(warnings.Current, w => w.Contains($"revoking {active.ShortId} in AWS failed", StringComparison.Ordinal));
        // /readyz says only "ready"; asking it writes the warning to the log.
        using (var readyz = await app.Harness.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal("ready", await readyz.Content.ReadAsStringAsync());
        }
        Assert.Contains(app.Logs.Collector.GetSnapshot(), l => l.Id.Id == LogEvents.Hosting.ReadinessWarning
            && l.Message.Contains($"revoking {active.ShortId} in AWS failed", StringComparison.Ordinal));

        app.Harness.Time.Advance(TimeSpan.FromMinutes(1));
        await app.SweepAsync();

        var enforced = await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        // The DM and card are edited after the store records the revocation: wait for that work too.
        await app.WaitForQueueAsync();
        Assert.True(app.Harness.Iam.DeniesSession(Role, active.Id.ToString()));
        Assert.Null(enforced.Revocation!.Failure);
        Assert.Empty(warnings.Current);
        Assert.Contains("*revoked* in AWS", CardText(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeper_CredentialsExpired_DropsTheDenyAndStopsLooking()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        await app.ClickAsync(GrantActionIds.Done, active.Id);
        await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        // The DM and card are edited after the store records the revocation: wait for that work too.
        await app.WaitForQueueAsync();

        app.Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await app.SweepAsync();
        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        await app.SweepAsync();

        var done = await app.WaitForAsync(active.Id, r => r.DueAt is null);
        Assert.False(app.Harness.Iam.DeniesSession(Role, active.Id.ToString()));
        Assert.Null(app.Harness.Iam.Policy(Role, SlackJit.Aws.Iam.RevocationPolicy.PolicyName));
        Assert.Equal(3, done.Events.Count(e => e.Action == AuditActions.RevocationEnforced));
    }
}
