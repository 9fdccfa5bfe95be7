using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Slack;
using SlackJit.Slack.Api;
using SlackJit.Storage;
using SlackJit.Tests.Access;
using SlackJit.Telemetry;

namespace SlackJit.Tests.Cards;

public sealed class ApprovalCardsTests
{
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();
    private readonly FakeTimeProvider _time = new(AccessRequestBuilder.T0);

    private ApprovalCards Cards(SlackJitMetrics? metrics = null) => new(
        _slack,
        _store,
        Options.Create(new AccessOptions { Resources = [new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Approvers = ["U0A"] }] }),
        Options.Create(new SlackOptions { ApproverChannel = "C0APPROVERS" }),
        _time,
        NullLogger<ApprovalCards>.Instance,
        metrics: metrics);

    [Fact]
    public async Task PostAsync_AlreadyHasCard_PostsNothing()
    {
        var request = AccessRequestBuilder.Pending().Build() with { Slack = new SlackRefs("C0APPROVERS", "1.1") };

        var result = await Cards().PostAsync(request, CancellationToken.None);

        Assert.Same(request, result);
        await _slack.DidNotReceiveWithAnyArgs().PostMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task PostAsync_NotPending_PostsNothing()
    {
        await Cards().PostAsync(AccessRequestBuilder.In(RequestStatus.Cancelled).Build(), CancellationToken.None);

        await _slack.DidNotReceiveWithAnyArgs().PostMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task PostAsync_Pending_PostsAndRecordsRefsRetryingAConflict()
    {
        var request = AccessRequestBuilder.Pending().Build();
        var moved = request with { Version = request.Version + 1 };
        _slack.PostMessageAsync("C0APPROVERS", Arg.Any<SlackMessage>(), Arg.Any<CancellationToken>()).Returns(new SlackMessageRef("C0APPROVERS", "1.5"));
        _store.ApplyAsync(Arg.Any<Transition>(), Arg.Any<CancellationToken>()).Returns(
            _ => TransitionResult.Conflict(moved),
            call => TransitionResult.Success(call.Arg<Transition>().Next));

        var result = await Cards().PostAsync(request, CancellationToken.None);

        Assert.Equal("1.5", result.Slack.CardTs);
        Assert.Equal(moved.Version + 1, result.Version);
        Assert.Equal(request.Deadline, result.DueAt);
    }

    [Fact]
    public async Task PostAsync_OtherSlackFailure_ThrowsAndCountsTheFailure()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var failures = new MetricCollector<long>(factory, SlackJitTelemetry.Name, "slackjit.card.failures");
        _slack.PostMessageAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new SlackApiException("chat.postMessage", SlackErrors.Timeout));

        await Assert.ThrowsAsync<SlackApiException>(() => Cards(new SlackJitMetrics(factory)).PostAsync(AccessRequestBuilder.Pending().Build(), CancellationToken.None));
        await _store.DidNotReceiveWithAnyArgs().ApplyAsync(default!, default);
        Assert.Equal(SlackErrors.Timeout, Assert.Single(failures.GetMeasurementSnapshot()).Tags["kind"]);
    }

    [Fact]
    public async Task UpdateAsync_NoCard_NoSlackCall()
    {
        await Cards().UpdateAsync(AccessRequestBuilder.In(RequestStatus.Active).Build(), CancellationToken.None);

        await _slack.DidNotReceiveWithAnyArgs().UpdateMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task UpdateAsync_StoreHasNewerVersion_RendersTheNewer()
    {
        var refs = new SlackRefs("C0APPROVERS", "1.1");
        var approved = AccessRequestBuilder.In(RequestStatus.Approved).Build() with { Slack = refs };
        var active = AccessRequestBuilder.In(RequestStatus.Active).Build() with { Slack = refs };
        _store.GetAsync(approved.Id, Arg.Any<CancellationToken>()).Returns(active);

        await Cards().UpdateAsync(approved, CancellationToken.None);

        await _slack.Received(1).UpdateMessageAsync(
            new SlackMessageRef("C0APPROVERS", "1.1"),
            Arg.Is<SlackMessage>(m => m.Text.Contains("active", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UpdateAsync_SlackFails_Swallowed()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Denied).Build() with { Slack = new SlackRefs("C0APPROVERS", "1.1") };
        _slack.UpdateMessageAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new SlackApiException("chat.update", SlackErrors.MessageNotFound));

        await Cards().UpdateAsync(request, CancellationToken.None);

        await _slack.ReceivedWithAnyArgs(1).UpdateMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task UpdateAsync_UnexpectedFailure_SwallowedSoTheDurableTransitionStands()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Active).Build() with { Slack = new SlackRefs("C0APPROVERS", "1.1") };
        _store.GetAsync(default, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("boom"));

        await Cards().UpdateAsync(request, CancellationToken.None);

        await _slack.DidNotReceiveWithAnyArgs().UpdateMessageAsync(default!, default!, default);
    }
}
