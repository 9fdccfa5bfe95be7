using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackJit.Lifecycle;

namespace SlackJit.Tests.Lifecycle;

public sealed class WorkQueueTests
{
    private static WorkQueue NewQueue(int capacity = 100, int workers = 2) =>
        new(Options.Create(new LifecycleOptions { QueueCapacity = capacity, Workers = workers }),
            new ServiceCollection().AddWorkHandler<Job, JobHandler>().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            NullLogger<WorkQueue>.Instance);

    [Fact]
    public async Task TryEnqueue_FailingItem_LaterItemsStillRun()
    {
        using var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(queue.TryEnqueue(new Job("boom", () => throw new InvalidOperationException("boom"))));
        Assert.True(queue.TryEnqueue(new Job("ok", () => { done.SetResult(); return Task.CompletedTask; })));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void TryEnqueue_QueueFull_ReturnsFalse()
    {
        using var queue = NewQueue(capacity: 1);
        // Not started: nothing drains the queue.
        Assert.True(queue.TryEnqueue(new Job("first", () => Task.CompletedTask)));
        Assert.False(queue.TryEnqueue(new Job("second", () => Task.CompletedTask)));
    }

    [Fact]
    public async Task StopAsync_InFlightItem_FinishesBeforeStopReturns()
    {
        using var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        queue.TryEnqueue(new Job("slow", async () =>
        {
            started.SetResult();
            await Task.Delay(200);
            finished = true;
        }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await queue.StopAsync(CancellationToken.None);

        Assert.True(finished);
    }

    [Fact]
    public async Task TryEnqueue_Item_RunsWithTheHandlerRegisteredForItsType()
    {
        using var queue = NewQueue();
        await queue.StartAsync(CancellationToken.None);
        var ran = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(queue.TryEnqueue(new Job("named", () => { ran.SetResult("ran"); return Task.CompletedTask; })));

        Assert.Equal("ran", await ran.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await queue.StopAsync(CancellationToken.None);
    }

    /// <summary>A test item: data only; <see cref="JobHandler"/> runs its body.</summary>
    internal sealed record Job(string Name, Func<Task> Body) : IWorkItem;

    internal sealed class JobHandler : IWorkHandler<Job>
    {
        public Task HandleAsync(Job work, CancellationToken cancellationToken) => work.Body();
    }
}
