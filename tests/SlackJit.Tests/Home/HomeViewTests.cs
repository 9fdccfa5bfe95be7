using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Home;
using SlackJit.Requests;
using SlackJit.SlackEmulator.WebApi;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.Home.HomeFlow;

namespace SlackJit.Tests.Home;

public sealed class HomeViewTests
{
    private static readonly DateTimeOffset Now = StoreRequests.T0.AddMinutes(30);

    [Fact]
    public void Build_EveryListFarPastItsCap_StaysWithinSlacksLimitsAndCountsTheRest()
    {
        var content = new HomeContent(
            [.. Enumerable.Range(0, 60).Select(i => Live(i))],
            [.. Enumerable.Range(0, 60).Select(i => Pending(i) with { Status = RequestStatus.Expired })],
            true,
            [.. Enumerable.Range(0, 60).Select(i => Pending(i))],
            [.. Enumerable.Range(0, 60).Select(i => Live(i))]);

        var view = HomeView.Build(content, Now);

        Assert.InRange(BlockCount(view), 1, 100);
        Assert.Null(SlackLimits.CheckHomeView(view));
        var text = Text(view);
        Assert.Contains("and 50 more of your open requests", text, StringComparison.Ordinal);
        Assert.Contains("and 45 more waiting", text, StringComparison.Ordinal);
        Assert.Contains("and 45 more live grants", text, StringComparison.Ordinal);
        Assert.Equal(HomeView.MaxWaitingShown, Buttons(view).Count(b => b.ActionId == CardKeys.ApproveAction));
        Assert.Equal(HomeView.MaxRevocableShown, Buttons(view).Count(b => b.ActionId == CardKeys.RevokeAction));
        Assert.Equal(HomeView.MaxOpenShown, Buttons(view).Count(b => b.ActionId == GrantActionIds.Done));
    }

    [Fact]
    public void Build_UserTextWithMarkup_IsEscaped()
    {
        var request = Pending(1) with
        {
            Reason = "<!channel> *now* <https://evil.example|click> & co",
            Resource = new ResourceRef("analytics", "analytics-prod", "a`b*<x>/"),
        };

        var text = Text(HomeView.Build(new HomeContent([request], [], true, [request], []), Now));

        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&amp; co", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RequestWithoutReason_SaysSoInsteadOfAnEmptyQuote()
    {
        var request = Pending(1) with { Reason = "" };

        var text = Text(HomeView.Build(new HomeContent([request], [], true, [request], []), Now));

        Assert.Contains("No reason given", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n> ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Outsider_OnlyTheRequestButtonAndNoApproverPart()
    {
        var view = HomeView.Build(new HomeContent([], [], false, [], []), Now);

        Assert.Equal([("home.request-access", "new")], Buttons(view));
        Assert.DoesNotContain("Waiting for you", Text(view), StringComparison.Ordinal);
        Assert.Equal("home", (string?)view["type"]);
    }

    [Fact]
    public void Build_PendingAndApprovedOwnRequests_CancelOnlyWhilePending()
    {
        var pending = Pending(1);
        var approved = Pending(2) with { Status = RequestStatus.Approved };

        var view = HomeView.Build(new HomeContent([pending, approved], [], false, [], []), Now);

        Assert.True(HasButton(view, RequestsSlackKeys.CancelAction, pending.Id));
        Assert.DoesNotContain(Buttons(view), b => b.Value == approved.Id.ToString());
        Assert.Contains("on their way to your DM", Text(view), StringComparison.Ordinal);
    }

    private static AccessRequest Pending(int i) =>
        StoreRequests.Pending(StoreRequests.T0.AddSeconds(i), new SlackIdentity($"U0P{i:D3}", "T0TEAM"), dueAt: StoreRequests.T0.AddHours(1)) with
        {
            Resource = new ResourceRef("analytics", "analytics-prod", $"reports/{i}/"),
            RequiredApprovals = 2,
        };

    private static AccessRequest Live(int i) => Pending(i) with
    {
        Status = RequestStatus.Active,
        Grant = new GrantInfo("ASIAEXAMPLE", "AROA:jit", Now.AddMinutes(50), Now.AddHours(2)),
    };
}
