using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using SlackJit.Home;
using SlackJit.Lifecycle;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Home;

/// <summary>A storm of changes becomes one queued publish per person, and one queued refresh per request; never two at once.</summary>
public sealed class HomePublishingTests
{
    private readonly IWorkQueue _work = Substitute.For<IWorkQueue>();

    public HomePublishingTests() => _work.TryEnqueue(Arg.Any<IWorkItem>()).ReturnsForAnyArgs(true);

    [Fact]
    public void Refresh_ManyTimesBeforeTheWorkStarts_QueuesOnce()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);

        for (var i = 0; i < 20; i++)
        {
            Assert.True(publishing.Refresh("U0ONE", "T0TEAM"));
        }
        publishing.Refresh("U0TWO", "T0TEAM");

        _work.Received(1).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
        _work.Received(1).TryEnqueue(new PublishHome("U0TWO", "T0TEAM"));
    }

    [Fact]
    public async Task Refresh_WhileThePublishRuns_QueuesOneMoreWhenItEnds()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);
        publishing.Refresh("U0ONE", "T0TEAM");

        await publishing.RunAsync(new PublishHome("U0ONE", "T0TEAM"), _ =>
        {
            publishing.Refresh("U0ONE", "T0TEAM");
            publishing.Refresh("U0ONE", "T0TEAM");
            _work.Received(1).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
            return Task.CompletedTask;
        });

        _work.Received(2).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
    }

    [Fact]
    public async Task RunAsync_PublishThrows_PersonNotLeftBusy()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);
        publishing.Refresh("U0ONE", "T0TEAM");

        await Assert.ThrowsAsync<InvalidOperationException>(() => publishing.RunAsync(
            new PublishHome("U0ONE", "T0TEAM"), _ => throw new InvalidOperationException("boom")));
        publishing.Refresh("U0ONE", "T0TEAM");

        _work.Received(2).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
    }

    [Fact]
    public void Refresh_QueueFull_NotRememberedSoTheNextChangeTriesAgain()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);
        _work.TryEnqueue(Arg.Any<PublishHome>()).Returns(false, true);

        Assert.False(publishing.Refresh("U0ONE", "T0TEAM"));
        Assert.True(publishing.Refresh("U0ONE", "T0TEAM"));

        _work.Received(2).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
    }

    [Fact]
    public void Refresh_AfterSlackSaidTheTabIsOff_SkippedUntilSomeoneOpensIt()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);

        publishing.TabIsOff();
        Assert.False(publishing.Refresh("U0ONE", "T0TEAM"));
        _work.DidNotReceiveWithAnyArgs().TryEnqueue<PublishHome>(default!);

        Assert.True(publishing.Opened("U0TWO", "T0TEAM"));
        Assert.True(publishing.Refresh("U0ONE", "T0TEAM"));
        _work.Received(1).TryEnqueue(new PublishHome("U0TWO", "T0TEAM"));
        _work.Received(1).TryEnqueue(new PublishHome("U0ONE", "T0TEAM"));
    }

    [Fact]
    public async Task Changed_StormOnOneRequest_QueuesOneRefreshAndOneMoreAfterTheRunningOne()
    {
        var refresh = new HomeRefresh(_work, NullLogger<HomeRefresh>.Instance);
        var request = StoreRequests.Pending();

        for (var i = 0; i < 10; i++)
        {
            refresh.Changed(request with { Version = i });
        }
        await refresh.RunAsync(new RefreshHomes(request.Id), () =>
        {
            refresh.Changed(request);
            refresh.Changed(request);
            return Task.CompletedTask;
        });

        _work.Received(2).TryEnqueue(new RefreshHomes(request.Id));
    }
}
