using NSubstitute;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using static SlackJit.Tests.Home.HomeFlow;

namespace SlackJit.Tests.Home;

/// <summary>What one change republishes: who, read how often, and filed under which team.</summary>
public sealed class RefreshHomesHandlerTests
{
    [Fact]
    public async Task HandleAsync_OneChange_TheApproversHomesShareOneReadOfTheOpenRequests()
    {
        var parts = new HomeParts();
        var request = parts.Save(HomeParts.Pending());

        await parts.StartQueuedAsync();
        Assert.Equal(1 + HomeParts.Approvers.Length, parts.Queued);
        await parts.StartQueuedAsync();
        await parts.DrainAsync();

        foreach (var approver in HomeParts.Approvers)
        {
            Assert.True(HasButton(Assert.Single(parts.Views.LandedFor(approver)), CardKeys.ApproveAction, request.Id), approver);
        }
        Assert.Single(parts.Views.LandedFor(HomeParts.Requester));
        await parts.Store.Received(1).GetOpenAsync(Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_EntryNamedInAnotherCase_HandledAsTheButtonsDo_NotAsThatEntry()
    {
        // The buttons find a request's entry by its exact name (AccessPolicy.FindResource): "Analytics" is not "analytics",
        // so nobody can approve this request, and no Home offers it.
        var parts = new HomeParts();
        var request = parts.Save(HomeParts.Pending(entry: "Analytics"));
        await parts.DrainAsync();

        Assert.Single(parts.Views.LandedFor(HomeParts.Requester));
        Assert.All(HomeParts.Approvers, a => Assert.Empty(parts.Views.LandedFor(a)));

        parts.Publishing.Opened(HomeParts.Approvers[0], HomeParts.Team);
        await parts.DrainAsync();
        var home = Assert.Single(parts.Views.LandedFor(HomeParts.Approvers[0]));
        Assert.False(HasButton(home, CardKeys.ApproveAction, request.Id));
        Assert.Contains("No request is waiting for you.", Text(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RequestFromAnotherWorkspace_ApproversHomeStillShowsTheirOwnRequests()
    {
        // An Enterprise Grid organization: SlackJit serves two workspaces; the approver asked from the first, the
        // requester asks from the second. The approver's own requests are not filed under the requester's team.
        var parts = new HomeParts(allowedTeams: [HomeParts.Team, "T0OTHER"]);
        var approver = HomeParts.Approvers[0];
        var theirs = parts.Save(HomeParts.Pending(requester: approver));
        await parts.DrainAsync();

        var other = parts.Save(HomeParts.Pending(requester: "U0GRIDUSER", team: "T0OTHER"));
        await parts.DrainAsync();

        var home = parts.Views.LandedFor(approver)[^1];
        Assert.True(HasButton(home, CardKeys.ApproveAction, other.Id));
        Assert.True(HasButton(home, RequestsSlackKeys.CancelAction, theirs.Id), "the approver's own pending request");
    }

    [Fact]
    public async Task HandleAsync_OneWorkspace_ApproversOwnRequestsReadUnderItsTeamOnly()
    {
        var parts = new HomeParts();
        var approver = HomeParts.Approvers[0];
        var theirs = parts.Save(HomeParts.Pending(requester: approver));
        await parts.DrainAsync();
        parts.Store.ClearReceivedCalls();

        parts.Save(HomeParts.Pending());
        await parts.DrainAsync();

        Assert.True(HasButton(parts.Views.LandedFor(approver)[^1], RequestsSlackKeys.CancelAction, theirs.Id));
        await parts.Store.Received(1).GetByRequesterAsync(new SlackIdentity(approver, HomeParts.Team), Arg.Any<int>(), Arg.Any<CancellationToken>());
        await parts.Store.DidNotReceive().GetByRequesterAsync(Arg.Is<SlackIdentity>(p => p.UserId == approver && p.TeamId != HomeParts.Team), Arg.Any<int>(), Arg.Any<CancellationToken>());
    }
}
