using SlackJit.Access;
using SlackJit.Playground;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>Deciding in a real browser: deny with a reason, an outsider refused, an entry that needs two approvers.</summary>
public sealed class PlaygroundDecisionTests
{
    [Fact]
    public async Task Deny_WithReasonInTheModal_CardSaysDeniedAndNothingIssued()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access finance-data/reports/payroll/ 30m INC-9 payroll check");
        await Expect(s.Ephemeral("is waiting for approval")).ToBeVisibleAsync();

        await s.ActAsAsync(DemoWorkspace.SecondApprover);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        // The nested payroll entry is stricter: Sam approves it, Alex does not.
        await Expect(card.Locator(".bk-fields")).ToContainTextAsync("Catalog entrypayroll");
        await s.Button(card, "Deny").ClickAsync();
        var modal = s.Page.GetByTestId("modal");
        await Expect(modal.Locator(".modal-title")).ToContainTextAsync("Deny R-");
        await modal.Locator("textarea[data-block-id]").FillAsync("Payroll needs a ticket from HR");
        await s.ScreenshotAsync("deny-reason-modal");
        await s.Page.GetByTestId("modal-submit").ClickAsync();
        await Expect(modal).ToHaveCountAsync(0);
        await Expect(card).ToContainTextAsync("Denied by @Sam Okafor");
        await Expect(card).ToContainTextAsync("Deny reason: Payroll needs a ticket from HR");
        await Expect(s.Button(card, "Approve")).ToHaveCountAsync(0);
        await s.ScreenshotAsync("denied-card");

        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal((RequestStatus.Denied, "payroll"), (request.Status, request.Resource.Name));
        Assert.Equal(DemoWorkspace.SecondApprover, request.DecidedBy);
        Assert.Empty(s.App.Sandbox.Sessions);
    }

    [Fact]
    public async Task OutsiderClicksApprove_RefusedWithAnEphemeralAndNothingChanges()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access analytics-prod 1h INC-12 quick look");
        await Expect(s.Ephemeral("is waiting for approval")).ToBeVisibleAsync();

        await s.ActAsAsync(DemoWorkspace.Outsider);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        await s.Button(card, "Approve").ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        var refusal = s.Ephemeral("Only approvers of analytics");
        await Expect(refusal.GetByTestId("only-you")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Waiting for approval");
        await s.ScreenshotAsync("outsider-refused");

        // Only the outsider sees the refusal.
        await s.ActAsAsync(DemoWorkspace.Approver);
        await Expect(s.Page.GetByTestId("ephemeral")).ToHaveCountAsync(0);
        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Empty(request.Approvals);
    }

    [Fact]
    public async Task TwoApprovalEntry_SameApproverTwiceIsNotEnough_SecondApproverGrants()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access customer-data/exports/ 1h INC-31 export audit");
        await Expect(s.Ephemeral("is waiting for approval")).ToBeVisibleAsync();

        await s.ActAsAsync(DemoWorkspace.Approver);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        await Expect(card).ToContainTextAsync("0 of 2");
        await s.Button(card, "Approve").ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(card).ToContainTextAsync("1 of 2");
        await Expect(card).ToContainTextAsync("approved so far by @Alex Morgan");

        await s.Button(card, "Approve").ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(s.Ephemeral("You already approved")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("1 of 2");
        Assert.Empty(s.App.Sandbox.Sessions);

        await s.ActAsAsync(DemoWorkspace.SecondApprover);
        await s.Button(card, "Approve").ClickAsync();
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(card).ToContainTextAsync("Approved by");
        await Expect(card).ToContainTextAsync("@Sam Okafor");
        await s.ScreenshotAsync("two-approvals-card");

        await s.ActAsAsync(DemoWorkspace.Requester);
        await s.OpenDmAsync();
        await Expect(s.Message("AWS credentials for")).ToContainTextAsync("customer-data/exports");
        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal([DemoWorkspace.Approver, DemoWorkspace.SecondApprover], request.Approvals.Select(a => a.ApproverId));
    }

    [Fact]
    public async Task Guest_TypesACommand_RefusedOnlyToThemAndNothingStored()
    {
        await using var s = await PlaygroundSession.StartAsync(DemoWorkspace.Guest);
        await s.TypeAsync("/s3-access analytics-prod 1h INC-2 curious");

        var refusal = s.Ephemeral("Guest accounts cannot request access");
        await Expect(refusal.GetByTestId("only-you")).ToBeVisibleAsync();
        await s.ActAsAsync(DemoWorkspace.Requester);
        await Expect(s.Page.GetByTestId("ephemeral")).ToHaveCountAsync(0);
        Assert.Empty(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Guest, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Empty(s.App.Slack.Workspace.Messages(DemoWorkspace.Approvals));
    }
}
