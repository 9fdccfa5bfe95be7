using Microsoft.Playwright;
using SlackJit.Access;
using SlackJit.Playground;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>The approval path in a real browser: command, card, confirm dialog, DM, sandbox console; and the form.</summary>
public sealed class PlaygroundApprovalTests
{
    [Fact]
    public async Task Help_ShowsTheCommandsWithTheirPlaceholders()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access help");
        var help = s.Ephemeral("Temporary read-only access to S3");
        await Expect(help).ToContainTextAsync("/s3-access <bucket>[/<prefix>] [duration] <reason>");
        await Expect(help).ToContainTextAsync("/s3-access cancel R-XXXXXX");
        await s.ScreenshotAsync("help");
    }

    [Fact]
    public async Task Command_Unreadable_SaysWhatIsMissingWithTheUsageAsTyped()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access /reports 2h checking");
        var noBucket = s.Ephemeral("Start with the bucket name");
        // The placeholders are escaped for Slack, so a person sees them as typed, in code spans.
        await Expect(noBucket).ToContainTextAsync("Usage: /s3-access <bucket>[/<prefix>] [duration] <reason>, e.g. /s3-access analytics-prod/reports");
        await Expect(noBucket.Locator("code").First).ToHaveTextAsync("analytics-prod/reports");

        await s.TypeAsync("/s3-access --break-glass");
        var onlyFlag = s.Ephemeral("Tell me what you need");
        await Expect(onlyFlag).ToContainTextAsync("/s3-access <bucket>[/<prefix>] <duration> --break-glass <reason>");
        await s.ScreenshotAsync("unreadable-command");
    }

    [Fact]
    public async Task Command_ApprovedThroughConfirmDialog_DmHasCredentialsAndConsoleShowsScopedPolicy()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access analytics-prod/reports 2h INC-4211 checking numbers");
        var ack = s.Ephemeral("is waiting for approval");
        await Expect(ack.GetByTestId("only-you")).ToHaveTextAsync("👁 Only visible to you");
        await Expect(ack).ToContainTextAsync("#approvals");
        await s.ScreenshotAsync("request-ack");

        await s.ActAsAsync(DemoWorkspace.Approver);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        await Expect(card.Locator(".bk-header")).ToContainTextAsync("S3 read access request R-");
        await Expect(card).ToContainTextAsync("@Riley Chen");
        await Expect(card).ToContainTextAsync("analytics-prod/reports");
        await s.Button(card, "Approve").ClickAsync();
        var dialog = s.Page.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync("Give user U0RILEY 2h of read-only access to analytics-prod/reports");
        await s.ScreenshotAsync("approve-confirm-dialog");
        await s.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(card).ToContainTextAsync("Approved by @Alex Morgan");
        await s.ScreenshotAsync("approved-card");

        await s.ActAsAsync(DemoWorkspace.Requester);
        await s.OpenDmAsync();
        var dm = s.Message("AWS credentials for");
        await Expect(dm).ToContainTextAsync("export AWS_ACCESS_KEY_ID=ASIASANDBOX");
        await Expect(dm).ToContainTextAsync("export AWS_SESSION_TOKEN=SANDBOX-SESSION-TOKEN/");
        await s.ScreenshotAsync("dm-credentials");

        // The DM's button asks SlackJit for a fresh sign-in link, which comes back as a link only Riley sees.
        await s.Button(dm, "Open the AWS console").ClickAsync();
        var link = s.Ephemeral("open it within 15 minutes");
        await Expect(link.GetByTestId("only-you")).ToBeVisibleAsync();
        var console = await s.Context.RunAndWaitForPageAsync(() => s.Button(link, "Open the AWS console").ClickAsync());
        await console.WaitForLoadStateAsync();
        var session = console.GetByTestId("session");
        await Expect(session).ToContainTextAsync(SandboxRole);
        await Expect(session).ToContainTextAsync("SourceIdentity" + DemoWorkspace.Requester);
        await Expect(session).ToContainTextAsync("jit-");
        await Expect(console.GetByTestId("policy")).ToContainTextAsync("\"arn:aws:s3:::analytics-prod/reports*\"");
        var bucket = console.GetByTestId("bucket-analytics-prod");
        await Expect(bucket.Locator("tr[data-key='reports/2026/03/daily.csv']")).ToHaveAttributeAsync("data-allowed-read", "yes");
        await Expect(bucket.Locator("tr[data-key='models/churn/v3.pkl']")).ToHaveAttributeAsync("data-allowed-read", "no");
        await Expect(bucket.Locator("tr[data-prefix='']")).ToHaveAttributeAsync("data-allowed-list", "no");
        await Expect(bucket.Locator("tr[data-prefix='reports/2026/']")).ToHaveAttributeAsync("data-allowed-list", "yes");
        await Expect(bucket.Locator("tr[data-prefix='events/']")).ToHaveAttributeAsync("data-allowed-list", "no");
        await s.ScreenshotAsync("sandbox-console", console);

        // The DM's credentials and the console's own session (minted at the click, bounded in time): both sandbox, both Riley's.
        Assert.Equal(2, s.App.Sandbox.Sessions.Count);
        Assert.All(s.App.Sandbox.Sessions, issued =>
        {
            Assert.StartsWith("ASIASANDBOX", issued.AccessKeyId, StringComparison.Ordinal);
            Assert.Equal(DemoWorkspace.Requester, issued.SourceIdentity);
        });
    }

    // The answer's button row is a copy with each request's ids put in (AckActions): the confirmation must name this
    // request, and the click must cancel it, as a person pressing it expects.
    [Fact]
    public async Task Ack_CancelButton_ConfirmationNamesThisRequestAndCancelsIt()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access analytics-prod/reports 2h INC-4211 checking numbers");
        var ack = s.Ephemeral("is waiting for approval");
        await Expect(ack).ToBeVisibleAsync();
        var request = Assert.Single(await s.Store.GetByRequesterAsync(
            new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        await Expect(ack).ToContainTextAsync("Request " + request.ShortId);

        await s.Button(ack, "Cancel request").ClickAsync();
        var dialog = s.Page.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync("Cancel " + request.ShortId + "?");
        await Expect(dialog).ToContainTextAsync("The approvers will see it as cancelled.");
        await s.ScreenshotAsync("ack-cancel-confirm");
        await s.Page.GetByTestId("confirm-ok").ClickAsync();

        // The answer is replaced by the outcome, without its buttons.
        var cancelled = s.Ephemeral("Cancelled " + request.ShortId);
        await Expect(cancelled).ToContainTextAsync("analytics-prod/reports");
        await Expect(cancelled.Locator(".bk-button")).ToHaveCountAsync(0);
        await Expect(s.Page.GetByTestId("ephemeral").Filter(new() { HasText = "is waiting for approval" })).ToHaveCountAsync(0);
        await s.ScreenshotAsync("ack-cancelled");
        Assert.Equal(RequestStatus.Cancelled, (await s.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Modal_FilledAndSubmitted_ValidationErrorOnTheFieldThenCardPosted()
    {
        await using var s = await PlaygroundSession.StartAsync();
        await s.TypeAsync("/s3-access");
        var modal = s.Page.GetByTestId("modal");
        await Expect(modal.Locator(".modal-title")).ToHaveTextAsync("Request S3 access");
        await modal.Locator("select[data-block-id]").First.SelectOptionAsync("finance-reports");
        await modal.Locator("input[data-block-id]").FillAsync("../etc");
        await modal.Locator("textarea[data-block-id]").FillAsync("INC-7 month-end close");
        await s.Page.GetByTestId("modal-submit").ClickAsync();
        var error = modal.GetByTestId("field-error");
        await Expect(error).ToContainTextAsync("prefix");
        await Expect(modal.Locator(".bk-input.invalid input")).ToHaveCountAsync(1);
        await s.ScreenshotAsync("modal-validation-error");

        await modal.Locator("input[data-block-id]").FillAsync("2026/");
        await s.Page.GetByTestId("modal-submit").ClickAsync();
        await Expect(modal).ToHaveCountAsync(0);

        await s.ActAsAsync(DemoWorkspace.SecondApprover);
        await s.OpenChannelAsync("approvals");
        var card = s.Message("S3 read access request");
        await Expect(card).ToContainTextAsync("finance-data/reports/2026/");
        await Expect(card).ToContainTextAsync("INC-7 month-end close");
        var request = Assert.Single(await s.Store.GetByRequesterAsync(new SlackIdentity(DemoWorkspace.Requester, DemoWorkspace.TeamId), 10, CancellationToken.None));
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    private const string SandboxRole = "arn:aws:iam::000000000000:role/slackjit-sandbox-read";
}
