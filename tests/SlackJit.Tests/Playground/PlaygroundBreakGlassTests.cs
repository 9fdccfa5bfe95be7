using SlackJit.Access;
using SlackJit.Playground;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>Break-glass in a real browser: the form's checkbox issues at once, the loud card, an approver acknowledges.</summary>
public sealed class PlaygroundBreakGlassTests
{
    [Fact]
    public async Task Form_BreakGlassTicked_IssuedWithoutApprovalThenAcknowledgedOnTheLoudCard()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access");
        var modal = s.Page.GetByTestId("modal");
        await Expect(modal.Locator(".modal-title")).ToHaveTextAsync("Request S3 access");
        await modal.Locator("select[data-block-id]").First.SelectOptionAsync("platform-logs");
        await modal.Locator("textarea[data-block-id]").FillAsync("INC-77 <b>outage</b>, on-call asleep");
        await modal.Locator("input[data-check-block-id]").CheckAsync();
        await s.ScreenshotAsync("break-glass-form");
        await s.Page.GetByTestId("modal-submit").ClickAsync();
        await Expect(modal).ToHaveCountAsync(0);

        await s.ActAsAsync(DemoWorkspace.GroupMember);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("BREAK-GLASS");
        await Expect(card).ToContainTextAsync("INC-77 <b>outage</b>, on-call asleep");
        await Expect(card).ToContainTextAsync("Access is live");
        await s.ScreenshotAsync("break-glass-card");
        await s.Button(card, "Acknowledge").ClickAsync();
        await Expect(card).ToContainTextAsync("Acknowledged by @Priya Nair");
        await Expect(s.Button(card, "Acknowledge")).ToHaveCountAsync(0);

        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal((RequestStatus.Active, "platform-logs", DemoWorkspace.GroupMember), (request.Status, request.Resource.Name, request.BreakGlass?.AcknowledgedBy));
        Assert.Empty(request.Approvals);
        Assert.Single(s.App.Sandbox.Sessions);
    }

    [Fact]
    public async Task Command_BreakGlassNobodyAcknowledges_TheCardSaysOverdueAndAcknowledgeStaysAfterTheGrantEnded()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access platform-logs 1h INC-78 disk full --break-glass");
        await s.ActAsAsync(DemoWorkspace.GroupMember);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("BREAK-GLASS: S3 read access");
        await Expect(card).ToContainTextAsync("Not acknowledged yet");

        // The review window is 24 h by default: a day and an hour later nobody has looked.
        for (var hour = 0; hour < 25; hour++)
        {
            await s.AdvanceClockAsync(60);
        }

        await Expect(card).ToContainTextAsync("OVERDUE");
        await Expect(card).ToContainTextAsync("ended");
        await Expect(s.Message("OVERDUE:")).ToContainTextAsync("by @Riley Chen before its review deadline");
        await Expect(s.Button(card, "Acknowledge")).ToHaveCountAsync(1);
        await Expect(s.Button(card, "Revoke")).ToHaveCountAsync(0);
        // 25 hours span at least two dates: a divider opens each one, so 23:56 then 04:56 reads forward.
        var days = await s.Page.GetByTestId("day-divider").AllInnerTextsAsync();
        Assert.True(days.Count >= 2, string.Join(" | ", days));
        Assert.Equal(days.Count, days.Distinct(StringComparer.Ordinal).Count());
        await Expect(s.Page.Locator("#messages > :first-child")).ToHaveAttributeAsync("data-testid", "day-divider");
        await s.ScreenshotAsync("break-glass-overdue");
    }
}
