using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Lifecycle;

public sealed class DueRequestAdvancerTests
{
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();

    // A day after the built requests: whatever they have due is due.
    private static readonly FakeTimeProvider Time = new(AccessRequestBuilder.T0 + TimeSpan.FromDays(1));

    private Rescheduler Rescheduler() => new(_store, new FakeTimeProvider(AccessRequestBuilder.T0), NullLogger<Rescheduler>.Instance);

    /// <summary>A revoked break-glass grant whose review's next reminder is due now and whose revocation has <paramref name="statusDue"/>.</summary>
    private static AccessRequest RevokedBreakGlass(DateTimeOffset statusDue)
    {
        var now = Time.GetUtcNow();
        return AccessRequestBuilder.In(RequestStatus.Ended).Build() with
        {
            BreakGlass = new BreakGlassReview(AccessRequestBuilder.ApprovedAt, now + TimeSpan.FromHours(2)),
            Slack = new SlackRefs("C0APPROVALS", "1700000000.000100"),
            Reminders = new ReminderState(TimeSpan.FromMinutes(15), 3) with { LastReminderAt = now - TimeSpan.FromMinutes(15) },
            DueAt = now,
            StatusDueAt = statusDue,
        };
    }

    private static IDueRequestHandler Handler(params RequestStatus[] statuses)
    {
        var handler = Substitute.For<IDueRequestHandler>();
        handler.Statuses.Returns(statuses);
        handler.AdvanceAsync(default!, default).ReturnsForAnyArgs(true);
        return handler;
    }

    [Theory]
    [InlineData(RequestStatus.Pending, 0)]
    [InlineData(RequestStatus.Approved, 1)]
    [InlineData(RequestStatus.Issuing, 1)]
    [InlineData(RequestStatus.Active, 1)]
    public async Task AdvanceAsync_Status_GoesToTheHandlerRegisteredForIt(RequestStatus status, int handlerIndex)
    {
        IDueRequestHandler[] handlers = [Handler(RequestStatus.Pending), Handler(RequestStatus.Approved, RequestStatus.Issuing, RequestStatus.Active)];
        var request = AccessRequestBuilder.In(status).Build();

        Assert.True(await new DueRequestAdvancer(handlers, Rescheduler(), Time).AdvanceAsync(request, CancellationToken.None));

        await handlers[handlerIndex].Received(1).AdvanceAsync(request, Arg.Any<CancellationToken>());
        await handlers[1 - handlerIndex].DidNotReceiveWithAnyArgs().AdvanceAsync(default!, default);
        await _store.DidNotReceiveWithAnyArgs().ApplyAsync(default!, default);
    }

    [Fact]
    public async Task AdvanceAsync_StatusWithoutHandler_IsMadeDueNever()
    {
        var expired = AccessRequestBuilder.In(RequestStatus.Expired).Build() with { DueAt = AccessRequestBuilder.T0 };
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(call => TransitionResult.Success(call.Arg<Transition>().Next));

        Assert.True(await new DueRequestAdvancer([Handler(RequestStatus.Pending)], Rescheduler(), Time).AdvanceAsync(expired, CancellationToken.None));

        await _store.Received(1).ApplyAsync(Arg.Is<Transition>(t => t.Next.DueAt == null && t.Event == null), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AdvanceAsync_DueOnlyForWorkThatOutlivesTheStatus_StatusHandlerNotCalled()
    {
        // Its revocation's next check is an hour away.
        var ended = RevokedBreakGlass(Time.GetUtcNow() + TimeSpan.FromHours(1));
        var reviewed = ended with
        {
            Version = ended.Version + 1,
            Reminders = ended.Reminders with { Sent = 1, LastReminderAt = Time.GetUtcNow() },
            DueAt = Time.GetUtcNow() + TimeSpan.FromMinutes(15),
        };
        var review = Substitute.For<IAnyStatusDueHandler>();
        review.AdvanceAsync(ended, Arg.Any<CancellationToken>()).Returns((reviewed, true));
        var revocation = Handler(RequestStatus.Ended);

        Assert.True(await new DueRequestAdvancer([revocation], Rescheduler(), Time, [review]).AdvanceAsync(ended, CancellationToken.None));

        await revocation.DidNotReceiveWithAnyArgs().AdvanceAsync(default!, default);
        await _store.DidNotReceiveWithAnyArgs().ApplyAsync(default!, default);
    }

    [Fact]
    public async Task AdvanceAsync_StatusDueToo_StatusHandlerGetsTheRequestAfterTheReview()
    {
        var ended = RevokedBreakGlass(Time.GetUtcNow());
        var reviewed = ended with { Version = ended.Version + 1 };
        var review = Substitute.For<IAnyStatusDueHandler>();
        review.AdvanceAsync(ended, Arg.Any<CancellationToken>()).Returns((reviewed, true));
        var revocation = Handler(RequestStatus.Ended);

        Assert.True(await new DueRequestAdvancer([revocation], Rescheduler(), Time, [review]).AdvanceAsync(ended, CancellationToken.None));

        await revocation.Received(1).AdvanceAsync(reviewed, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Constructor_TwoHandlersForOneStatus_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new DueRequestAdvancer([Handler(RequestStatus.Active), Handler(RequestStatus.Active)], Rescheduler(), Time));

        Assert.Contains("Active", ex.Message, StringComparison.Ordinal);
    }
}
