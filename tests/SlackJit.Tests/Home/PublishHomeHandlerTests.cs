using SlackJit.Access;
using SlackJit.Requests;
using static SlackJit.Tests.Home.HomeFlow;

namespace SlackJit.Tests.Home;

/// <summary>One person's Home is published by one publish at a time, and the last one to land shows the latest state.</summary>
public sealed class PublishHomeHandlerTests
{
    [Fact]
    public async Task HandleAsync_ChangeWhileAPublishIsAtSlack_NoOverlapAndTheLastViewShowsTheChange()
    {
        var parts = new HomeParts();
        var request = parts.Save(HomeParts.Pending());
        await parts.DrainAsync();

        // The requester opens the Home; Slack holds that views.publish open (it shows the request pending).
        var release = parts.Views.HoldNext();
        parts.Publishing.Opened(HomeParts.Requester, HomeParts.Team);
        var held = parts.StartQueuedAsync();
        await parts.Views.HeldStarted.Task;

        // Meanwhile the request is cancelled: its refresh runs, and so does whatever it queues.
        parts.Save(request with { Status = RequestStatus.Cancelled, Version = 1 });
        await parts.StartQueuedAsync();
        await parts.StartQueuedAsync();

        release.SetResult();
        await held;
        await parts.DrainAsync();

        Assert.Equal(1, parts.Views.MostAtOnce(HomeParts.Requester));
        var landed = parts.Views.LandedFor(HomeParts.Requester);
        Assert.True(HasButton(landed[^2], RequestsSlackKeys.CancelAction, request.Id), "the held publish showed the request pending");
        Assert.False(HasButton(landed[^1], RequestsSlackKeys.CancelAction, request.Id));
        Assert.Contains("cancelled", Text(landed[^1]), StringComparison.Ordinal);
        Assert.Equal(0, parts.Queued);
    }

    [Fact]
    public async Task HandleAsync_ManyChangesWhileOneRuns_OneMorePublishAfterIt()
    {
        var parts = new HomeParts();
        var release = parts.Views.HoldNext();
        parts.Publishing.Opened(HomeParts.Requester, HomeParts.Team);
        var held = parts.StartQueuedAsync();
        await parts.Views.HeldStarted.Task;

        for (var i = 0; i < 5; i++)
        {
            Assert.True(parts.Publishing.Refresh(HomeParts.Requester, HomeParts.Team));
        }
        Assert.Equal(0, parts.Queued);

        release.SetResult();
        await held;
        Assert.Equal(1, parts.Queued);
        await parts.DrainAsync();

        Assert.Equal(2, parts.Views.LandedFor(HomeParts.Requester).Count);
    }
}
