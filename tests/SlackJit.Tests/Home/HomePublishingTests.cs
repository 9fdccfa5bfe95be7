using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using SlackJit.Home;
using SlackJit.Lifecycle;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Home;

/// <summary>A storm of changes becomes one queued publish per person, and one queued refresh per request.</summary>
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
    public void Refresh_AfterTheWorkStarted_QueuesAgain()
    {
        var publishing = new HomePublishing(_work, NullLogger<HomePublishing>.Instance);
        publishing.Refresh("U0ONE", "T0TEAM");

        publishing.Starting("U0ONE");
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
    public void Changed_StormOnOneRequest_QueuesOneRefreshUntilItStarts()
    {
        var refresh = new HomeRefresh(_work, NullLogger<HomeRefresh>.Instance);
        var request = StoreRequests.Pending();

        for (var i = 0; i < 10; i++)
        {
            refresh.Changed(request with { Version = i });
        }
        refresh.Starting(request.Id);
        refresh.Changed(request);

        _work.Received(2).TryEnqueue(new RefreshHomes(request.Id));
    }
}
