using Microsoft.Extensions.DependencyInjection;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Requests.Reminders;

/// <summary>Steps the reminder tests share: a sweep as the timer would run it, and the replies in a card's thread.</summary>
internal static class ReminderFlow
{
    public static Task<int> SweepAsync(this SlackJitHarness harness) =>
        harness.Services.GetRequiredService<Sweeper>().SweepOnceAsync(CancellationToken.None);

    /// <summary>Every <c>chat.postMessage</c> that replied in the thread of <paramref name="ts"/>.</summary>
    public static IReadOnlyList<SlackCall> ThreadReplies(this SlackJitHarness harness, string channel, string ts) =>
        harness.Slack.Calls("chat.postMessage").Where(c => c.Ok && c.Arg("thread_ts") == ts && c.Arg("channel") == channel).ToList();

    public static IReadOnlyList<SlackCall> ThreadReplies(this SlackJitHarness harness, AccessRequest request) =>
        harness.ThreadReplies(request.Slack.CardChannel!, request.Slack.CardTs!);

    public static async Task<AccessRequest> GetAsync(this SlackJitHarness harness, Guid id) =>
        (await harness.Store.GetAsync(id, CancellationToken.None))!;
}
