using SlackJit.Playground;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>SlackJit's Home tab in a real browser: opened, acted on, refreshed by the change it caused.</summary>
public sealed class PlaygroundHomeTests
{
    [Fact]
    public async Task Home_RequesterAndApprover_SeeTheirPartsAndApproveFromTheHome()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.Page.GetByTestId("home-slackjit").ClickAsync();
        var home = s.Page.GetByTestId("home");
        await Expect(home).ToContainTextAsync("Nothing pending or live.");
        await Expect(home.Locator(".bk-button").Filter(new() { HasText = "Request access" })).ToBeVisibleAsync();

        await s.OpenChannelAsync("general");
        await s.TypeAsync("/s3-access analytics-prod/reports 2h INC-4211 checking numbers");
        await Expect(s.Ephemeral("is waiting for approval")).ToBeVisibleAsync();
        await s.Page.GetByTestId("home-slackjit").ClickAsync();
        await Expect(home).ToContainTextAsync("analytics-prod/reports");
        await Expect(home.Locator(".bk-button").Filter(new() { HasText = "Cancel request" })).ToBeVisibleAsync();
        await s.ScreenshotAsync("home-requester");

        // Alex, an approver, sees it waiting and approves it right there (through the card's confirm dialog).
        await s.ActAsAsync(DemoWorkspace.Approver);
        await Expect(home).ToContainTextAsync("Waiting for you");
        await home.Locator(".bk-button").Filter(new() { HasText = "Approve" }).ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(home.Locator(".bk-button").Filter(new() { HasText = "Revoke" })).ToBeVisibleAsync();
        await Expect(home).ToContainTextAsync("No request is waiting for you.");
        await s.ScreenshotAsync("home-approver");

        // Riley's Home followed the change by itself: the grant is live, with the DM's buttons.
        await s.ActAsAsync(DemoWorkspace.Requester);
        await Expect(home.Locator(".bk-button").Filter(new() { HasText = "I'm done" })).ToBeVisibleAsync();
        await Expect(home).ToContainTextAsync("Live until");
    }

    [Fact]
    public async Task Home_SeveralRequestsOldestCancelledByItsButton_ThatOneMovesToHistoryTheOthersStayNewestFirst()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.OpenChannelAsync("general");
        var acks = s.Page.GetByTestId("ephemeral").Filter(new() { HasText = "is waiting for approval" });
        var incidents = new[] { "INC-1 first", "INC-2 second", "INC-3 third" };
        for (var i = 0; i < incidents.Length; i++)
        {
            await s.TypeAsync($"/s3-access analytics-prod/reports 1h {incidents[i]}");
            await Expect(acks).ToHaveCountAsync(i + 1);
        }
        await s.Page.GetByTestId("home-slackjit").ClickAsync();
        var home = s.Page.GetByTestId("home");
        await Expect(home).ToContainTextAsync("INC-3 third");

        await Expect(home).ToContainTextAsync("INC-1 first");
        await s.ScreenshotAsync("home-several-requests");

        // The oldest one cancelled from the Home, by its own button: every request's Cancel has the same action id, so
        // only the block the click came from says which (this cancelled the newest one before).
        await home.Locator(".bk-button").Filter(new() { HasText = "Cancel request" }).Last.ClickAsync();
        await Expect(home).ToContainTextAsync("cancelled");
        await Expect(home).Not.ToContainTextAsync("INC-1 first");
        await s.ScreenshotAsync("home-one-cancelled");

        var text = await home.InnerTextAsync();
        var history = text.IndexOf("Recent history", StringComparison.Ordinal);
        Assert.True(text.IndexOf("INC-3 third", StringComparison.Ordinal) < text.IndexOf("INC-2 second", StringComparison.Ordinal), text);
        Assert.True(text.IndexOf("INC-2 second", StringComparison.Ordinal) < history, text);
        Assert.True(text.IndexOf("cancelled", StringComparison.Ordinal) > history, text);
    }

    [Fact]
    public async Task Home_OpenedAgainWithTheSameView_NotRebuiltUnderThePointer()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.Page.GetByTestId("home-slackjit").ClickAsync();
        var home = s.Page.GetByTestId("home");
        await Expect(home).ToContainTextAsync("Nothing pending or live.");
        // Opening it loads the view more than once (the page, then the publish app_home_opened causes): wait for both.
        await s.Page.WaitForFunctionAsync("() => Number(document.body.dataset.homeLoads) >= 2");
        var builds = await s.Page.EvaluateAsync<string>("() => document.body.dataset.homeBuilds");
        var loads = await s.Page.EvaluateAsync<int>("() => Number(document.body.dataset.homeLoads)");

        // Opened again: loaded twice more, the same view each time, so the buttons under the pointer stay the same
        // elements (a rebuild between press and release loses the click).
        await s.Page.GetByTestId("home-slackjit").ClickAsync();
        await s.Page.WaitForFunctionAsync("n => Number(document.body.dataset.homeLoads) >= n", loads + 2);

        Assert.Equal(builds, await s.Page.EvaluateAsync<string>("() => document.body.dataset.homeBuilds"));
        await Expect(home.Locator(".bk-button").Filter(new() { HasText = "Request access" })).ToBeVisibleAsync();
    }
}
