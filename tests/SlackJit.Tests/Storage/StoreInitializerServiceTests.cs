using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Storage;

namespace SlackJit.Tests.Storage;

public sealed class StoreInitializerServiceTests
{
    [Fact]
    public async Task StartAsync_StoreDownAtFirst_ReturnsAtOnceAndRetriesUntilReady()
    {
        var store = Substitute.For<IAccessRequestStore, IStoreInitializer>();
        var initializer = (IStoreInitializer)store;
        var secondAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        initializer.InitializeAsync(Arg.Any<CancellationToken>()).Returns(
            _ => Task.FromException(new StoreUnavailableException("DynamoDB DescribeTable on table t failed: timed out.")),
            _ =>
            {
                secondAttempt.SetResult();
                return Task.CompletedTask;
            });
        var time = new FakeTimeProvider();
        using var service = new StoreInitializerService(store, time, NullLogger<StoreInitializerService>.Instance);

        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await WaitForCallsAsync(initializer, 1);
        Assert.False(secondAttempt.Task.IsCompleted);
        // The retry waits on the injected clock; advance it until the retry has run.
        for (int i = 0; i < 100 && !secondAttempt.Task.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        await secondAttempt.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));

        await initializer.Received(2).InitializeAsync(Arg.Any<CancellationToken>());
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForCallsAsync(IStoreInitializer initializer, int count)
    {
        for (int i = 0; i < 100 && initializer.ReceivedCalls().Count() < count; i++)
        {
            await Task.Delay(20);
        }
    }
}
