using SlackJit.Access;
using SlackJit.Playground;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>The clock control: grants expire and pending requests time out in seconds, everywhere at once.</summary>
public sealed class PlaygroundTimeTravelTests
{
    [Fact]
    public async Task PlusOneHour_AfterA1hGrant_DmScrubbedCardEndedConsoleExpired()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access platform-logs 1h INC-77 tracing 502s");
        await Expect(s.Ephemeral("is waiting for approval")).ToBeVisibleAsync();

        // The platform-logs entry is approved by a user group: its member may approve.
        await s.ActAsAsync(DemoWorkspace.GroupMember);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        await s.Button(card, "Approve").ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(card).ToContainTextAsync("Approved by @Priya Nair");

        await s.ActAsAsync(DemoWorkspace.Requester);
        await s.OpenDmAsync();
        var dm = s.Message("AWS credentials for");
        await Expect(dm).ToContainTextAsync("export AWS_SECRET_ACCESS_KEY=sandbox/");
        var secret = Assert.Single(s.App.Sandbox.Sessions).SecretAccessKey;

        await s.AdvanceClockAsync(60);
        await Expect(s.Page.GetByTestId("messages")).Not.ToContainTextAsync("AWS_SECRET_ACCESS_KEY", new() { Timeout = 20_000 });
        await Expect(s.Page.GetByTestId("messages")).Not.ToContainTextAsync(secret);
        await s.ScreenshotAsync("dm-scrubbed");

        await s.OpenChannelAsync("approvals");
        await Expect(card).ToContainTextAsync("access ended");
        await s.ScreenshotAsync("card-expired");
        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal(RequestStatus.Expired, request.Status);
        Assert.DoesNotContain(s.App.Slack.Workspace.Messages(), m => m.AllText.Contains(secret, StringComparison.Ordinal));

        // The audit panel shows the trail, expiry included.
        await Expect(s.Page.GetByTestId("audit-events").Locator("li[data-action=expired]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task PlusOneHour_PendingRequest_TimesOutOnTheCard()
    {
        await using var s = await PlaygroundSession.StartAsync(DemoWorkspace.Requester, DemoWorkspace.Approvals);
        await s.TypeAsync("/s3-access analytics-prod 1h INC-5 nobody answers");
        var card = s.Message("S3 read access request");
        await Expect(card).ToContainTextAsync("Waiting for approval");

        await s.AdvanceClockAsync(15);
        await Expect(s.Page.GetByTestId("clock")).ToContainTextAsync(s.App.Clock.GetUtcNow().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(card).ToContainTextAsync("Waiting for approval");
        await s.AdvanceClockAsync(60);
        await Expect(card).ToContainTextAsync("Timed out", new() { Timeout = 20_000 });
        await Expect(s.Button(card, "Approve")).ToHaveCountAsync(0);
    }
}
