using SlackJit.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.Reminders;

/// <summary>
/// Reminders and escalation live in the store, not in a process: a host that made the request stops, the next one
/// (on the same SQLite file or DynamoDB table) sends what is due, and a third finds nothing left to send.
/// </summary>
public sealed class ReminderRestartTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const string Escalation = "U0ONCALL";

    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Restart_BetweenReminders_NextHostSendsWhatIsDueOnce(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        cluster.Slack.AddUser(Escalation);
        void Configure(EndToEnd.HarnessOptions o)
        {
            o.Settings["Access:Reminders:Interval"] = "00:10:00";
            o.Settings["Access:Reminders:Max"] = "3";
            o.Settings["Access:Resources:0:EscalationApprovers:0"] = Escalation;
            o.Settings["Access:Resources:0:EscalateAfter"] = "00:25:00";
        }

        var a = await cluster.StartHostAsync("A", Configure);
        var request = await a.RequestWithCardAsync();
        cluster.Time.Advance(TimeSpan.FromMinutes(10));
        await a.SweepAsync();
        await a.StopAsync();

        cluster.Time.Advance(TimeSpan.FromMinutes(15));
        var b = await cluster.StartHostAsync("B", Configure);
        await b.SweepAsync();
        await b.StopAsync();

        var c = await cluster.StartHostAsync("C", Configure);
        Assert.Equal(0, await c.SweepAsync());

        var stored = (await c.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(2, stored.Count(AuditActions.Reminded));
        Assert.Equal(1, stored.Count(AuditActions.Escalated));
        Assert.Equal(1, stored.Count(AuditActions.EscalationPosted));
        var replies = cluster.Slack.Calls("chat.postMessage").Where(x => x.Ok && x.Arg("thread_ts") == request.Slack.CardTs).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains($"<@{Escalation}>", replies[1].Arg("text"), StringComparison.Ordinal);
        // The card, the escalated card (no EscalationChannel: the same channel) and the two replies.
        Assert.Equal(4, cluster.Slack.Messages(ApproverChannel).Count);
        Assert.NotNull(cluster.Slack.Message(ApproverChannel, stored.Reminders.EscalationTs!));
        // The second reminder went out at 09:25 with the escalation; the third is due ten minutes later.
        Assert.Equal(Start + TimeSpan.FromMinutes(35), stored.DueAt);
        await c.DisposeAsync();
    }
}
