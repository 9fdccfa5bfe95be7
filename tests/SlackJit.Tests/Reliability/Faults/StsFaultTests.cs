using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Grants;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Grants;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>STS and the federation endpoint failing while an approved request is issued.</summary>
public sealed class StsFaultTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(2);

    [Fact]
    public async Task Issue_ThrottledFewerTimesThanTheSdkRetries_ActiveOnTheFirstAttempt()
    {
        await using var app = await GrantApp.StartAsync();
        app.Harness.Sts.FailNext(StsFault.Throttling, 2);
        var approved = await app.CreateApprovedAsync(Window);

        Assert.Equal(IssueResult.Activated, await app.IssueAsync(approved.Id));

        Assert.Equal(3, app.Harness.Sts.Calls.Count);
        var active = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(1, active.IssueAttempts);
        Assert.Contains(Assert.Single(app.Harness.Sts.Issued).SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_AlwaysThrottled_RetriedWithBackOffThenFailedAfterTheBoundAndEveryoneTold()
    {
        await using var app = await GrantApp.StartAsync(o => o.Settings["Lifecycle:MaxIssueAttempts"] = "3");
        app.Harness.Sts.Always = StsFault.Throttling;
        var approved = await app.CreateApprovedAsync(Window);

        Assert.Equal(IssueResult.Retrying, await app.IssueAsync(approved.Id));
        var waiting = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Approved, waiting.Status);
        Assert.Equal(SlackJitHarness.Start.AddSeconds(30), waiting.DueAt);
        Assert.Contains("Throttling", waiting.Events[^1].Detail, StringComparison.Ordinal);
        // The requester sees "issuing…", never credentials or a failure yet.
        Assert.Contains("Issuing your credentials", app.Dm().AllText, StringComparison.Ordinal);

        app.Harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(SlackJitHarness.Start.AddSeconds(30 + 60), (await app.GetAsync(approved.Id)).DueAt);

        app.Harness.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await app.SweepAsync());

        var failed = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Failed, failed.Status);
        Assert.Null(failed.DueAt);
        Assert.Null(failed.Grant);
        Assert.Equal($"AWS was unavailable every time SlackJit tried (reference {failed.ShortId}/Throttling; details are in SlackJit's log).", failed.Outcome);
        Assert.Contains("Throttling", failed.Events.Single(e => e.Action == AuditActions.Failed).Detail, StringComparison.Ordinal);
        // Bounded: three claims, each with the SDK's one call plus three retries.
        Assert.Equal(3 * 4, app.Harness.Sts.Calls.Count);
        var dm = app.Dm();
        Assert.Contains("could not be issued", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("tried 3 times", dm.AllText, StringComparison.Ordinal);
        await app.Cards.Received().UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Failed), Arg.Any<CancellationToken>());
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task Issue_StsSlowerThanCallTimeout_TransientRetriedLaterThenIssued()
    {
        var callTimeout = TimeSpan.FromSeconds(1);
        await using var app = await GrantApp.StartAsync(o =>
        {
            o.Settings["Aws:CallTimeout"] = "00:00:01";
            o.Services = s => UseCallTimeout(s, callTimeout);
        });
        app.Harness.Sts.Always = StsFault.Slow(TimeSpan.FromSeconds(30));
        var approved = await app.CreateApprovedAsync(Window);

        Assert.Equal(IssueResult.Retrying, await app.IssueAsync(approved.Id));

        var waiting = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Approved, waiting.Status);
        Assert.Null(waiting.Grant);
        Assert.Contains("could not be reached", waiting.Events[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(app.Harness.Sts.Issued);
        Assert.DoesNotContain("could not be issued", app.Dm().AllText, StringComparison.Ordinal);

        app.Harness.Sts.Always = null;
        app.Harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await app.SweepAsync());

        Assert.Equal(RequestStatus.Active, (await app.GetAsync(approved.Id)).Status);
        Assert.Contains(Assert.Single(app.Harness.Sts.Issued).SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveClick_StsAccessDenied_FailedRequesterToldAndTheCardGivesAReasonAndAReferenceOnly()
    {
        await using var app = await FaultApp.StartAsync();
        app.Harness.Sts.FailNext(StsFault.AccessDenied);
        var request = await app.Harness.RequestWithCardAsync("analytics-prod/reports 2h INC-4211 investigating");

        using var click = await app.Harness.ClickAsync(SlackJit.Requests.RequestsSlackKeys.ApproveAction, request.Id.ToString(), SlackJitHarness.Approver);
        var failed = await app.Harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Failed, "Failed");
        var card = await app.Harness.WaitForCardAsync(failed, "could not be issued");

        // The channel sees a short reason and a reference; what to fix (and the role ARN) is for the operator's log.
        Assert.Contains($"AWS would not let SlackJit assume the role (reference {failed.ShortId}/AccessDenied", card.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:", card.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("trust policy", card.AllText, StringComparison.Ordinal);
        Assert.Contains(app.LogsAt(Microsoft.Extensions.Logging.LogLevel.Error), r => r.Message.Contains("trust policy", StringComparison.Ordinal)
            && r.Message.Contains(SlackJitHarness.RoleArn, StringComparison.Ordinal));
        var dm = await app.Harness.WaitForAsync(
            () => Task.FromResult(app.Slack.Messages(FaultApp.DmChannel).FirstOrDefault(m => m.AllText.Contains("could not be issued", StringComparison.Ordinal))),
            "the requester's DM");
        Assert.Contains("AccessDenied", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("operator has been told", dm.AllText, StringComparison.Ordinal);
        Assert.Single(app.Harness.Sts.Calls);
        Assert.Null(failed.Grant);
        Assert.Null(failed.DueAt);
        Assert.Contains(app.LogsAt(Microsoft.Extensions.Logging.LogLevel.Error), r => r.Message.Contains("AccessDenied", StringComparison.Ordinal)
            && r.Message.Contains(failed.Id.ToString(), StringComparison.Ordinal));
    }

    public static TheoryData<string> FederationFaults => ["500", "503", "slow"];

    [Theory]
    [MemberData(nameof(FederationFaults))]
    public async Task Issue_FederationEndpointFails_CredentialsStillDeliveredWithANoteAboutTheLink(string fault)
    {
        await using var app = await GrantApp.StartAsync(o => o.Settings["Aws:CallTimeout"] = "00:00:01");
        app.Harness.Federation.Always = fault switch
        {
            "500" => FederationFault.ServerError,
            "503" => FederationFault.Unavailable,
            _ => FederationFault.Slow(TimeSpan.FromSeconds(30)),
        };
        var approved = await app.CreateApprovedAsync(Window);

        Assert.Equal(IssueResult.Activated, await app.IssueAsync(approved.Id).WaitAsync(TimeSpan.FromSeconds(30)));

        var dm = app.Dm();
        var issued = Assert.Single(app.Harness.Sts.Issued);
        Assert.Contains(issued.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.Contains(issued.SessionToken, dm.AllText, StringComparison.Ordinal);
        // The console button makes its link when pressed; nothing from the failed issue-time link is shown.
        Assert.Contains("Open the AWS console", dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Action=login", dm.AllText, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Active, (await app.GetAsync(approved.Id)).Status);
    }

    /// <summary>
    /// Replaces the harness's STS client with one whose per-call timeout is <c>Aws:CallTimeout</c>, as the app's own
    /// client is built (AwsServiceCollectionExtensions.CreateStsClient), still pointed at the fake.
    /// </summary>
    private static void UseCallTimeout(IServiceCollection services, TimeSpan callTimeout)
    {
        var harnessClient = services.Last(d => d.ServiceType == typeof(IAmazonSecurityTokenService));
        services.AddSingleton<IAmazonSecurityTokenService>(sp =>
        {
            using var fake = (AmazonSecurityTokenServiceClient)harnessClient.ImplementationFactory!(sp);
            Assert.Equal(callTimeout, sp.GetRequiredService<IOptions<AwsOptions>>().Value.CallTimeout);
            return new AmazonSecurityTokenServiceClient(
                new Amazon.Runtime.BasicAWSCredentials(FakeSts.AccessKeyFor(fake.Config.ServiceURL), FakeSts.SecretKey),
                new AmazonSecurityTokenServiceConfig
                {
                    ServiceURL = fake.Config.ServiceURL,
                    AuthenticationRegion = "us-east-1",
                    Timeout = callTimeout,
                    MaxErrorRetry = 3,
                });
        });
    }
}
