using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Lifecycle;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Grants;

/// <summary>
/// The whole app (<see cref="SlackJitHarness"/>) with the sweeper's timer off, a substitute for the approval card
/// port, and every log line captured. Requests are written straight into the store in the state a test needs,
/// as the request flow would leave them.
/// </summary>
internal sealed class GrantApp : IAsyncDisposable
{
    public const string CardTs = "1700000000.000100";

    private GrantApp(SlackJitHarness harness, IApprovalCards cards)
    {
        Harness = harness;
        Cards = cards;
    }

    public SlackJitHarness Harness { get; }
    public IApprovalCards Cards { get; }
    public FakeLoggerProvider Logs => Harness.Logs!;
    public FakeSlackApi Slack => Harness.Slack;
    public IAccessRequestStore Store => Harness.Store;
    public static string DmChannel => FakeSlackApi.DmChannelFor(SlackJitHarness.Requester);
    public static CancellationToken Ct => CancellationToken.None;

    public static async Task<GrantApp> StartAsync(Action<HarnessOptions>? configure = null)
    {
        var cards = Substitute.For<IApprovalCards>();
        cards.PostAsync(Arg.Any<AccessRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<AccessRequest>() with { Slack = new SlackRefs(SlackJitHarness.ApproverChannel, CardTs) });
        var harness = await SlackJitHarness.StartAsync(options =>
        {
            options.ManualSweeps = true;
            options.CaptureLogsAt = LogLevel.Trace;
            configure?.Invoke(options);
            var more = options.Services;
            options.Services = services =>
            {
                services.AddSingleton(cards);
                more?.Invoke(services);
            };
        });
        return new GrantApp(harness, cards);
    }

    /// <summary>A pending request for <c>analytics-prod/{prefix}</c> whose card is posted (unless <paramref name="withCard"/> is false).</summary>
    public AccessRequest NewPending(TimeSpan duration, string prefix = "reports/", bool withCard = true)
    {
        var access = Harness.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        var entry = access.Resources.Single(r => r.Name == "analytics");
        var allowed = new AccessDecision.Allowed(entry, new ResourceRef(entry.Name, entry.Bucket, prefix), duration, "INC-4211 investigating");
        var pending = AccessRequests.Create(allowed, new SlackIdentity(SlackJitHarness.Requester, SlackJitHarness.TeamId), access, Harness.Time);
        return withCard ? pending with { Slack = new SlackRefs(SlackJitHarness.ApproverChannel, CardTs) } : pending;
    }

    public async Task<AccessRequest> CreatePendingAsync(TimeSpan duration, bool withCard = true, DateTimeOffset? dueAt = null)
    {
        var pending = NewPending(duration, withCard: withCard);
        pending = dueAt is null ? pending : pending with { DueAt = dueAt };
        Assert.Equal(CreateResult.Created, await Store.CreateAsync(pending, Ct));
        return pending;
    }

    /// <summary>An approved request (approved now, so its window ends <paramref name="window"/> from now).</summary>
    public async Task<AccessRequest> CreateApprovedAsync(TimeSpan window)
    {
        var approved = Transitions.Approve(NewPending(window), SlackJitHarness.Approver, Harness.Time.GetUtcNow()).Transition!.Next;
        Assert.Equal(CreateResult.Created, await Store.CreateAsync(approved, Ct));
        return approved;
    }

    public async Task<AccessRequest> GetAsync(Guid id) => await Store.GetAsync(id, Ct) ?? throw new InvalidOperationException($"{id} is gone.");

    public async Task<IssueResult> IssueAsync(Guid id)
    {
        await using var scope = Harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantIssuing>().IssueAsync(id, Ct);
    }

    /// <summary>An approved request issued and active.</summary>
    public async Task<AccessRequest> CreateActiveAsync(TimeSpan window)
    {
        var approved = await CreateApprovedAsync(window);
        Assert.Equal(IssueResult.Activated, await IssueAsync(approved.Id));
        return await GetAsync(approved.Id);
    }

    public Task<int> SweepAsync() => Harness.SweepAsync(Ct);

    /// <summary>The one DM SlackJit posted to the requester.</summary>
    public EmulatedMessage Dm() => Assert.Single(Slack.Messages(DmChannel));

    /// <summary>
    /// The card as SlackJit last rewrote it (the card port is a substitute here): built from the last request it was
    /// given, so the text is what the approvers' channel shows.
    /// </summary>
    public string CardText()
    {
        var last = Cards.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(IApprovalCards.UpdateAsync))
            .Select(c => (AccessRequest)c.GetArguments()[0]!)
            .Last();
        return SlackJit.Tests.Reliability.Races.RaceFlow.AllText(ApprovalCard.Build(last, null, Harness.Time.GetUtcNow()).Blocks);
    }

    /// <summary>Clicks a DM button as <paramref name="user"/>.</summary>
    public async Task ClickAsync(string actionId, Guid requestId, string user = SlackJitHarness.Requester)
    {
        var dm = Slack.Messages(DmChannel).FirstOrDefault();
        using var response = await Harness.ClickAsync(actionId, requestId.ToString(), user, DmChannel, dm?.Ts ?? "1700000000.000200", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Texts posted to response_urls (the ephemeral answers to clicks).</summary>
    public IReadOnlyList<string> Replies() =>
        [.. Slack.Calls(FakeSlackApi.ResponseUrlMethod).Select(c => c.Arg("text") ?? "")];

    /// <summary>Polls (real time) until <paramref name="condition"/> holds for the stored request.</summary>
    public Task<AccessRequest> WaitForAsync(Guid id, Func<AccessRequest, bool> condition) =>
        Harness.WaitForRequestAsync(id, condition, "the stored request to change");

    /// <summary>Waits until the work queue has nothing running.</summary>
    public Task WaitForQueueAsync() => Harness.WaitForQueueAsync();

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
