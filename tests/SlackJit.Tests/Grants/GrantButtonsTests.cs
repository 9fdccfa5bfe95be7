using NSubstitute;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using static SlackJit.Tests.Grants.GrantApp;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Grants;

/// <summary>The DM's Renew credentials and I'm done buttons, clicked through the signed interactions endpoint.</summary>
public sealed class GrantButtonsTests
{
    [Fact]
    public async Task Renew_Requester_PutsFreshCredentialsInTheSameDm()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromMinutes(50));

        await app.ClickAsync(GrantActionIds.Renew, active.Id);

        var renewed = await app.WaitForAsync(active.Id, r => r.Grant?.Issues == 2);
        var (first, second) = (app.Harness.Sts.Issued[0], app.Harness.Sts.Issued[1]);
        Assert.Equal(second.AccessKeyId, renewed.Grant!.AccessKeyId);
        Assert.Equal(active.Grant!.WindowEnd, renewed.Grant.WindowEnd);
        Assert.Equal(3600, app.Harness.Sts.Calls[1].DurationSeconds);
        var dm = app.Dm();
        Assert.Contains(second.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(first.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(first.SessionToken, dm.AllText, StringComparison.Ordinal);
        Assert.Contains("Renewed", dm.AllText, StringComparison.Ordinal);
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        Assert.Contains(renewed.Events, e => e.Action == AuditActions.Renewed && e.Actor == SlackJitHarness.Requester);
    }

    [Fact]
    public async Task Renew_NearTheWindowEnd_AsksOnlyForWhatIsLeft()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromMinutes(80));

        await app.ClickAsync(GrantActionIds.Renew, active.Id);

        await app.WaitForAsync(active.Id, r => r.Grant?.Issues == 2);
        Assert.Equal(40 * 60, app.Harness.Sts.Calls[1].DurationSeconds);
        Assert.DoesNotContain(GrantIssuingTests.Buttons(app.Dm().Blocks), b => b["action_id"]!.GetValue<string>() == GrantActionIds.Renew);
    }

    [Fact]
    public async Task Renew_ClickedTwiceAtOnce_CallsStsOnce()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        // The first renewal is still waiting for STS when the second click arrives.
        app.Harness.Sts.FailNext(StsFault.Slow(TimeSpan.FromMilliseconds(500)));

        await Task.WhenAll(app.ClickAsync(GrantActionIds.Renew, active.Id), app.ClickAsync(GrantActionIds.Renew, active.Id));

        await app.WaitForAsync(active.Id, r => r.Grant?.Issues == 2);
        await app.WaitForQueueAsync();
        Assert.Equal(2, app.Harness.Sts.Calls.Count);
        Assert.Contains(app.Replies(), r => r.Contains("already under way", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renew_AfterTheWindow_IsRefusedWithoutCallingSts()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        await app.ClickAsync(GrantActionIds.Renew, active.Id);

        Assert.Contains("ended", Assert.Single(app.Replies()), StringComparison.Ordinal);
        Assert.Single(app.Harness.Sts.Calls);
        Assert.Equal(1, (await app.GetAsync(active.Id)).Grant!.Issues);
    }

    [Theory]
    [InlineData(110, SlackJitHarness.Requester, "15 minutes")]   // under fifteen minutes of the window left
    [InlineData(0, SlackJitHarness.Outsider, "Only")]            // not the requester
    public async Task Renew_NotAllowed_IsRefusedSaysWhyAndCallsNoSts(int minutesLater, string clicker, string expected)
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromMinutes(minutesLater));

        await app.ClickAsync(GrantActionIds.Renew, active.Id, clicker);

        Assert.Contains(expected, Assert.Single(app.Replies()), StringComparison.Ordinal);
        Assert.Single(app.Harness.Sts.Calls);
    }

    [Fact]
    public async Task Renew_StsRefuses_KeepsTheOldCredentialsAndLetsTheRequesterTryAgain()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Sts.FailNext(StsFault.AccessDenied);

        await app.ClickAsync(GrantActionIds.Renew, active.Id);
        var failed = await app.WaitForAsync(active.Id, r => r.Events[^1].Action == AuditActions.RenewFailed);

        Assert.Equal(RequestStatus.Active, failed.Status);
        Assert.Contains(app.Harness.Sts.Issued[0].SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        // The claim is released (the audit line) just before the clicker is told: wait for the reply too.
        await app.Harness.WaitForAsync(
            () => Task.FromResult(app.Replies().FirstOrDefault(r => r.Contains("AccessDenied", StringComparison.Ordinal))), "the AccessDenied reply");

        await app.ClickAsync(GrantActionIds.Renew, active.Id);
        await app.WaitForAsync(active.Id, r => r.Grant?.Issues == 2);
    }

    [Fact]
    public async Task Done_Requester_EndsScrubsAndRevokesTheCredentialsInAws()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        var issued = Assert.Single(app.Harness.Sts.Issued);

        await app.ClickAsync(GrantActionIds.Done, active.Id);

        var ended = await app.WaitForAsync(active.Id, r => r.Revocation?.IsEnforced == true);
        // The DM is edited after the store records the revocation: wait for that work too.
        await app.WaitForQueueAsync();
        Assert.Equal(RequestStatus.Ended, ended.Status);
        Assert.Equal(SlackJitHarness.Requester, ended.DecidedBy);
        Assert.True(app.Harness.Iam.DeniesSession(SlackJitHarness.RoleName, active.Id.ToString()));
        var dm = app.Dm();
        Assert.DoesNotContain(issued.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.SessionToken, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Harness.Federation.Tokens[0], dm.AllText, StringComparison.Ordinal);
        Assert.Contains("You ended your access", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("AWS now denies every call made with its credentials", dm.AllText, StringComparison.Ordinal);
        Assert.Empty(GrantIssuingTests.Buttons(dm.Blocks));
        // Once when it ended, once when AWS denied its credentials.
        await app.Cards.Received(2).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Ended), Arg.Any<CancellationToken>());
        Assert.Empty(app.Replies());
    }

    /// <summary>The DM's buttons and the reply (a pattern) to anyone else; Renew has its own table above, with its other refusals.</summary>
    public static TheoryData<string, string> DmButtonsForTheRequesterOnly => new()
    {
        { GrantActionIds.Done, $"^Only <@{SlackJitHarness.Requester}> can " },
        { GrantActionIds.Console, @"^Only the requester can open the AWS console for this grant\.$" },
    };

    [Theory]
    [MemberData(nameof(DmButtonsForTheRequesterOnly))]
    public async Task DmButton_SomeoneElse_IsRefusedWithoutAnyStsCallAndChangesNothing(string actionId, string expectedReply)
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));

        await app.ClickAsync(actionId, active.Id, SlackJitHarness.Outsider);
        await app.WaitForQueueAsync();

        Assert.Equal(RequestStatus.Active, (await app.GetAsync(active.Id)).Status);
        Assert.Contains(app.Harness.Sts.Issued[0].SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        Assert.Matches(expectedReply, Assert.Single(app.Replies()));
        Assert.Single(app.Harness.Sts.Calls);
    }

    [Fact]
    public async Task Done_Twice_EndsOnceAndAnswersTheSecondClick()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));

        await app.ClickAsync(GrantActionIds.Done, active.Id);
        await app.ClickAsync(GrantActionIds.Done, active.Id);

        var ended = await app.GetAsync(active.Id);
        Assert.Single(ended.Events, e => e.Action == AuditActions.Ended);
        Assert.Contains("ended", Assert.Single(app.Replies()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_UnknownRequest_SaysSo()
    {
        await using var app = await StartAsync();

        await app.ClickAsync(GrantActionIds.Renew, Guid.NewGuid());

        Assert.Contains("no longer exists", Assert.Single(app.Replies()), StringComparison.Ordinal);
    }
}
