using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Storage;

namespace SlackJit.Tests.Storage;

public sealed class StoreReadinessTests
{
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();
    private readonly FakeTimeProvider _time = new();

    private StoreReadiness Readiness => new(_store, _time, NullLogger<StoreReadiness>.Instance);

    [Fact]
    public async Task CheckAsync_PingSucceeds_IsReady()
    {
        _store.PingAsync(Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

        var result = await Readiness.CheckAsync(CancellationToken.None);

        Assert.True(result.IsReady);
    }

    [Fact]
    public async Task CheckAsync_StoreUnavailable_NotReadyWithItsReason()
    {
        _store.PingAsync(Arg.Any<CancellationToken>())
            .ThrowsAsync(new StoreUnavailableException("DynamoDB GetItem on table t failed: timed out."));

        var result = await Readiness.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("DynamoDB GetItem on table t failed: timed out.", result.Reason);
    }

    [Fact]
    public async Task CheckAsync_UnexpectedException_NotReadyWithoutItsMessage()
    {
        _store.PingAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("secret-ish detail"));

        var result = await Readiness.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.DoesNotContain("secret-ish", result.Reason, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_PingNeverAnswers_NotReadyAfterTheTimeout()
    {
        // A call that ignores its token: only the readiness timeout can end the wait.
        _store.PingAsync(Arg.Any<CancellationToken>()).Returns(new TaskCompletionSource().Task);

        var check = Readiness.CheckAsync(CancellationToken.None);
        Assert.False(check.IsCompleted);
        _time.Advance(StoreReadiness.Timeout + TimeSpan.FromMilliseconds(1));
        var result = await check.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.IsReady);
        Assert.Contains("did not answer within 2 s", result.Reason, StringComparison.Ordinal);
    }
}
