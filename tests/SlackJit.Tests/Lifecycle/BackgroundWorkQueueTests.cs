using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackJit.Lifecycle;

namespace SlackJit.Tests.Lifecycle;

public sealed class BackgroundWorkQueueTests
{
    private static BackgroundWorkQueue NewQueue(int capacity = 100, int workers = 2) =>
        new(Options.Create(new BackgroundWorkOptions { QueueCapacity = capacity, Workers = workers }),
            new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            NullLogger<BackgroundWorkQueue>.Instance);

    [Fact]
    public async Task TryEnqueue_FailingItem_LaterItemsStillRun()
    {
        using var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(queue.TryEnqueue("boom", (_, _) => throw new InvalidOperationException("boom")));
        Assert.True(queue.TryEnqueue("ok", (_, _) => { done.SetResult(); return Task.CompletedTask; }));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void TryEnqueue_QueueFull_ReturnsFalse()
    {
        using var queue = NewQueue(capacity: 1);
        // Not started: nothing drains the queue.
        Assert.True(queue.TryEnqueue("first", (_, _) => Task.CompletedTask));
        Assert.False(queue.TryEnqueue("second", (_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task StopAsync_InFlightItem_FinishesBeforeStopReturns()
    {
        using var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        queue.TryEnqueue("slow", async (_, _) =>
        {
            started.SetResult();
            await Task.Delay(200);
            finished = true;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await queue.StopAsync(CancellationToken.None);

        Assert.True(finished);
    }
}
