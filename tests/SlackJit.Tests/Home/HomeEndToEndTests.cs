using System.Net;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Requests;
using SlackJit.SlackEmulator.WebApi;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;
using static SlackJit.Tests.Home.HomeFlow;

namespace SlackJit.Tests.Home;

/// <summary>
/// The App Home through the signed endpoints against the emulated Slack, on both stores: what each person sees, the
/// buttons on it (each handler checks the clicker again), the refresh when a request changes, and Slack's block limit.
/// </summary>
public sealed class HomeEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private Task<SlackJitHarness> StartAsync(StoreKind store) =>
        SlackJitHarness.StartAsync(o => o.UseStore(store, dynalite));

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Home_EachPersona_SeesTheirPart(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var live = await harness.LiveGrantAsync("analytics-prod/reports 2h INC-1 the live one");
        var gone = await harness.RequestWithCardAsync("analytics-prod/old 1h INC-2 not needed after all");
        using (await harness.ClickAsync(RequestsSlackKeys.CancelAction, gone.Id.ToString(), Requester))
        {
        }
        await harness.WaitForRequestAsync(gone.Id, r => r.Status == RequestStatus.Cancelled, "the cancel");
        var pending = await harness.RequestWithCardAsync("analytics-prod/reports 1h INC-3 *urgent* <b>&");

        await harness.OpenHomeAsync(Requester);
        var mine = await harness.WaitForHomeAsync(Requester,
            v => HasButton(v, RequestsSlackKeys.CancelAction, pending.Id) && HasButton(v, GrantActionIds.Done, live.Id) && Text(v).Contains(gone.ShortId, StringComparison.Ordinal),
            "the pending, live and cancelled requests");
        Assert.Contains(("home.request-access", "new"), Buttons(mine));
        Assert.Contains(Buttons(mine), b => b == (GrantActionIds.Renew, live.Id.ToString()));
        Assert.Contains("&lt;b&gt;&amp;", Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for you", Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(mine), b => b.ActionId == CardKeys.ApproveAction);

        await harness.OpenHomeAsync(Approver);
        var approver = await harness.WaitForHomeAsync(Approver,
            v => HasButton(v, CardKeys.ApproveAction, pending.Id) && HasButton(v, CardKeys.RevokeAction, live.Id),
            "the waiting request and the live grant");
        Assert.True(HasButton(approver, CardKeys.DenyAction, pending.Id));
        Assert.False(HasButton(approver, CardKeys.ApproveAction, live.Id));
        Assert.DoesNotContain(Buttons(approver), b => b.Value == gone.Id.ToString());

        await harness.OpenHomeAsync(Outsider);
        var outsider = await harness.WaitForHomeAsync(Outsider, v => Buttons(v).Count > 0, "the button");
        Assert.Equal([("home.request-access", "new")], Buttons(outsider));
        Assert.Contains("Nothing pending or live.", Text(outsider), StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for you", Text(outsider), StringComparison.Ordinal);
        Assert.All(harness.Slack.Calls("views.publish"), c => Assert.True(c.Ok, c.Error));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task HomeClicks_ByWhoMayNot_RefusedByDm_ByWhoMay_Applied(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var pending = await harness.RequestWithCardAsync();

        // Someone who is no approver, and the requester approving themselves: refused, told by DM (a Home click has no response_url).
        using (await harness.ClickInHomeAsync(CardKeys.ApproveAction, pending.Id.ToString(), Outsider))
        using (await harness.ClickInHomeAsync(RequestsSlackKeys.CancelAction, pending.Id.ToString(), Outsider))
        using (await harness.ClickInHomeAsync(CardKeys.ApproveAction, pending.Id.ToString(), Requester))
        {
        }
        await harness.WaitForAsync(() => Task.FromResult(harness.Slack.Messages(FakeSlackApi.DmChannelFor(Outsider)).Count >= 2 ? "two" : null), "the outsider's refusals");
        await harness.WaitForAsync(() => Task.FromResult(harness.Slack.Messages(FakeSlackApi.DmChannelFor(Requester)).Any(m => m.AllText.Contains("approve", StringComparison.OrdinalIgnoreCase)) ? "one" : null), "the self-approval refusal");
        var unchanged = await harness.Store.GetAsync(pending.Id, CancellationToken.None);
        Assert.Equal(RequestStatus.Pending, unchanged!.Status);
        Assert.Empty(unchanged.Approvals);

        // An approver approves from the Home: issued; the requester's Home shows the live grant.
        using (var click = await harness.ClickInHomeAsync(CardKeys.ApproveAction, pending.Id.ToString(), Approver))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        await harness.WaitForRequestAsync(pending.Id, r => r.Status == RequestStatus.Active, "the grant");
        await harness.WaitForHomeAsync(Requester, v => HasButton(v, GrantActionIds.Done, pending.Id), "the live grant");

        // The outsider cannot revoke it; the approver can, from the Home.
        using (await harness.ClickInHomeAsync(CardKeys.RevokeAction, pending.Id.ToString(), Outsider))
        {
        }
        await harness.WaitForAsync(() => Task.FromResult(harness.Slack.Messages(FakeSlackApi.DmChannelFor(Outsider)).Count >= 3 ? "three" : null), "the refused revoke");
        Assert.Equal(RequestStatus.Active, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Status);
        using (await harness.ClickInHomeAsync(CardKeys.RevokeAction, pending.Id.ToString(), Approver))
        {
        }
        await harness.WaitForRequestAsync(pending.Id, r => r.Status == RequestStatus.Ended && r.DecidedBy == Approver, "the revoke");
        await harness.WaitForHomeAsync(Requester, v => !HasButton(v, GrantActionIds.Done, pending.Id) && Text(v).Contains("ended early", StringComparison.Ordinal), "the revoked grant in history");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task HomeClicks_RequestersOwnButtons_CancelRenewAndDoneWorkOnlyForThem(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var pending = await harness.RequestWithCardAsync("analytics-prod/old 1h INC-9 not needed");
        using (await harness.ClickInHomeAsync(RequestsSlackKeys.CancelAction, pending.Id.ToString(), Requester))
        {
        }
        await harness.WaitForRequestAsync(pending.Id, r => r.Status == RequestStatus.Cancelled && r.DecidedBy == Requester, "the cancel");

        var live = await harness.LiveGrantAsync("analytics-prod/reports 2h INC-4211 investigating");
        harness.Time.Advance(TimeSpan.FromMinutes(50));
        await harness.OpenHomeAsync(Requester);
        await harness.WaitForHomeAsync(Requester, v => HasButton(v, GrantActionIds.Renew, live.Id), "the renew button");

        // Someone else pressing the requester's buttons: refused (by DM), nothing changes.
        using (await harness.ClickInHomeAsync(GrantActionIds.Renew, live.Id.ToString(), Outsider))
        using (await harness.ClickInHomeAsync(GrantActionIds.Done, live.Id.ToString(), Outsider))
        {
        }
        await harness.WaitForAsync(() => Task.FromResult(harness.Slack.Messages(FakeSlackApi.DmChannelFor(Outsider)).Count >= 2 ? "two" : null), "the outsider's refusals");
        var untouched = (await harness.Store.GetAsync(live.Id, CancellationToken.None))!;
        Assert.Equal((RequestStatus.Active, 1), (untouched.Status, untouched.Grant!.Issues));

        using (await harness.ClickInHomeAsync(GrantActionIds.Renew, live.Id.ToString(), Requester))
        {
        }
        await harness.WaitForRequestAsync(live.Id, r => r.Grant?.Issues == 2, "the renewal");
        using (await harness.ClickInHomeAsync(GrantActionIds.Done, live.Id.ToString(), Requester))
        {
        }
        await harness.WaitForRequestAsync(live.Id, r => r.Status == RequestStatus.Ended && r.DecidedBy == Requester, "I'm done");
        await harness.WaitForHomeAsync(Requester, v => Buttons(v).Count == 1 && Text(v).Contains("ended early", StringComparison.Ordinal) && Text(v).Contains("cancelled", StringComparison.Ordinal), "both in history");
    }

    [Fact]
    public async Task RequestAccess_FromTheHome_OpensTheRequestForm()
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using (var click = await harness.ClickInHomeAsync("home.request-access", "new", Requester))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }

        var opened = await harness.Slack.WaitForCallAsync("views.open");
        Assert.True(opened.Ok, opened.Error);
        Assert.Equal(RequestsSlackKeys.NewRequestCallback, (string?)Assert.Single(harness.Slack.OpenedViews())["callback_id"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Home_RequestFromAnotherGridWorkspace_ApproversOwnRequestsStayOnTheirHome(StoreKind store)
    {
        const string otherTeam = "T0GRID2";
        await using var harness = await SlackJitHarness.StartAsync(o =>
        {
            o.UseStore(store, dynalite);
            o.Settings["Slack:AllowedTeamIds:0"] = TeamId;
            o.Settings["Slack:AllowedTeamIds:1"] = otherTeam;
        });
        var own = await harness.RequestWithCardAsync("analytics-prod/reports 1h INC-7 the approver's own", Approver);
        await harness.WaitForHomeAsync(Approver, v => HasButton(v, RequestsSlackKeys.CancelAction, own.Id), "their own request");

        using (var ask = await harness.Client.SendAsync(harness.Signer.Command("/s3-access", "analytics-prod/reports 2h INC-8 from the other workspace",
            userId: Requester, teamId: otherTeam, triggerId: NewTriggerId(), responseUrl: harness.Slack.NewResponseUrl())))
        {
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        }
        var theirs = await harness.WaitForAsync(
            async () => (await harness.Store.GetByRequesterAsync(new SlackIdentity(Requester, otherTeam), 10, CancellationToken.None)).FirstOrDefault(),
            "the request from the other workspace");

        var home = await harness.WaitForHomeAsync(Approver, v => HasButton(v, CardKeys.ApproveAction, theirs.Id), "the request from the other workspace");
        Assert.True(HasButton(home, RequestsSlackKeys.CancelAction, own.Id), "the approver's own request");
        await harness.WaitForQueueAsync();
        Assert.True(HasButton(harness.Slack.Workspace.HomeView(Approver)!.View, RequestsSlackKeys.CancelAction, own.Id), "the approver's own request, last publish");
    }

    [Fact]
    public async Task RequestAccess_FormCannotOpenAndSlackIsSlow_AckedFirstThenTheNoteComesByDm()
    {
        await using var harness = await SlackJitHarness.StartAsync(o => o.Settings["Slack:RequestTimeout"] = "00:02:00");
        var dm = FakeSlackApi.DmChannelFor(Requester);
        var release = new TaskCompletionSource();
        harness.Slack.Inject("views.open", SlackFault.Error("internal_error"));
        harness.Slack.Inject("conversations.open", SlackFault.Hold(release.Task));
        try
        {
            // The DM that says the form failed needs conversations.open, which Slack holds: the ack must not wait for it.
            using var click = await harness.ClickInHomeAsync("home.request-access", "new", Requester).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            Assert.Equal("", await click.Content.ReadAsStringAsync());
            Assert.Empty(harness.Slack.Messages(dm));
        }
        finally
        {
            release.TrySetResult();
        }

        var note = await harness.WaitForAsync(
            () => Task.FromResult(harness.Slack.Messages(dm).FirstOrDefault(m => m.AllText.Contains("couldn't open the request form (`internal_error`)", StringComparison.Ordinal))),
            "the note by DM");
        Assert.Contains("/s3-access", note.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Home_AfterADecisionOnTheCard_IsRepublished(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var pending = await harness.RequestWithCardAsync();
        await harness.OpenHomeAsync(Requester);
        await harness.WaitForHomeAsync(Requester, v => HasButton(v, RequestsSlackKeys.CancelAction, pending.Id), "the pending request");
        await harness.WaitForHomeAsync(Approver, v => HasButton(v, CardKeys.ApproveAction, pending.Id), "the request waiting");

        using (await harness.ClickAsync(CardKeys.ApproveAction, pending.Id.ToString(), Approver))
        {
        }

        // Nobody opens the Home again: the change itself republishes both.
        var mine = await harness.WaitForHomeAsync(Requester, v => HasButton(v, GrantActionIds.Done, pending.Id), "the live grant");
        Assert.False(HasButton(mine, RequestsSlackKeys.CancelAction, pending.Id));
        await harness.WaitForHomeAsync(Approver, v => !HasButton(v, CardKeys.ApproveAction, pending.Id) && HasButton(v, CardKeys.RevokeAction, pending.Id), "the grant to revoke");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Home_ManyRequests_StaysWithinSlacksBlockLimitAndSaysHowManyMore(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var now = harness.Time.GetUtcNow();
        for (var i = 0; i < 40; i++)
        {
            await harness.Store.CreateAsync(Waiting(new SlackIdentity($"U0MANY{i:D2}", TeamId), now.AddSeconds(i)), CancellationToken.None);
        }
        for (var i = 0; i < 12; i++)
        {
            await harness.Store.CreateAsync(Waiting(new SlackIdentity(Approver, TeamId), now.AddSeconds(100 + i)), CancellationToken.None);
        }

        await harness.OpenHomeAsync(Approver);
        var home = await harness.WaitForHomeAsync(Approver,
            v => Text(v).Contains("and 25 more waiting", StringComparison.Ordinal) && Text(v).Contains("and 2 more of your open requests", StringComparison.Ordinal),
            "the cut lists");

        Assert.InRange(BlockCount(home), 1, 100);
        Assert.Equal(15, Buttons(home).Count(b => b.ActionId == CardKeys.ApproveAction));
        var last = harness.Slack.Calls("views.publish").Last(c => c.Arg("user_id") == Approver);
        Assert.True(last.Ok, last.Error);
    }

    [Fact]
    public async Task Home_TabOffInTheSlackApp_RefreshesStopAfterSlacksFirstNotEnabled()
    {
        await using var harness = await SlackJitHarness.StartAsync();
        harness.Slack.Workspace.HomeTabEnabled = false;

        var first = await harness.RequestWithCardAsync();
        await harness.Slack.WaitForCallAsync("views.publish", c => c.Error == "not_enabled");
        await harness.WaitForQueueAsync();
        var attempts = harness.Slack.Calls("views.publish").Count;
        using (await harness.ClickAsync(CardKeys.ApproveAction, first.Id.ToString(), Approver))
        {
        }
        await harness.WaitForRequestAsync(first.Id, r => r.Status == RequestStatus.Active, "the grant");
        await harness.WaitForQueueAsync();

        Assert.Equal(attempts, harness.Slack.Calls("views.publish").Count);

        // Opening the Home shows the tab is on again: published, and changes refresh it again.
        harness.Slack.Workspace.HomeTabEnabled = true;
        await harness.OpenHomeAsync(Requester);
        await harness.WaitForHomeAsync(Requester, v => HasButton(v, GrantActionIds.Done, first.Id), "the live grant");
    }

    private static AccessRequest Waiting(SlackIdentity requester, DateTimeOffset at) =>
        StoreRequests.Pending(at, requester, dueAt: at.AddHours(1)) with
        {
            Resource = new ResourceRef("analytics", "analytics-prod", "reports/"),
            RequiredApprovals = 1,
            Reason = "INC-4211 investigating",
        };
}
