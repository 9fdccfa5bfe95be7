using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Lifecycle;

public sealed class DueRequestAdvancerTests
{
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();

    private Rescheduler Rescheduler() => new(_store, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AccessRequestBuilder.T0), NullLogger<Rescheduler>.Instance);

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

        Assert.True(await new DueRequestAdvancer(handlers, Rescheduler()).AdvanceAsync(request, CancellationToken.None));

        await handlers[handlerIndex].Received(1).AdvanceAsync(request, Arg.Any<CancellationToken>());
        await handlers[1 - handlerIndex].DidNotReceiveWithAnyArgs().AdvanceAsync(default!, default);
        await _store.DidNotReceiveWithAnyArgs().ApplyAsync(default!, default);
    }

    [Fact]
    public async Task AdvanceAsync_StatusWithoutHandler_IsMadeDueNever()
    {
        var expired = AccessRequestBuilder.In(RequestStatus.Expired).Build() with { DueAt = AccessRequestBuilder.T0 };
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(call => TransitionResult.Success(call.Arg<Transition>().Next));

        Assert.True(await new DueRequestAdvancer([Handler(RequestStatus.Pending)], Rescheduler()).AdvanceAsync(expired, CancellationToken.None));

        await _store.Received(1).ApplyAsync(Arg.Is<Transition>(t => t.Next.DueAt == null && t.Event == null), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Constructor_TwoHandlersForOneStatus_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new DueRequestAdvancer([Handler(RequestStatus.Active), Handler(RequestStatus.Active)], Rescheduler()));

        Assert.Contains("Active", ex.Message, StringComparison.Ordinal);
    }
}
