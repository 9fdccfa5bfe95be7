using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Home;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Storage;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Home;

/// <summary>
/// The Home's refresh pieces as the app wires them (observer, coalescing, reader, both handlers), with a work queue the
/// test runs by hand, a store answering from a list (our port, substituted, so reads can be counted) and a Slack whose
/// <c>views.publish</c> the test can hold open.
/// </summary>
internal sealed class HomeParts
{
    public const string Team = "T0TEAM";
    public const string Requester = "U0REQUESTER";
    public static readonly string[] Approvers = ["U0APPROVER1", "U0APPROVER2", "U0APPROVER3"];

    private readonly Lock _gate = new();
    private readonly Queue<IWorkItem> _queue = new();
    private readonly List<AccessRequest> _requests = [];

    public HomeParts(IEnumerable<string>? allowedTeams = null)
    {
        var work = Substitute.For<IWorkQueue>();
        work.TryEnqueue(Arg.Any<IWorkItem>()).ReturnsForAnyArgs(call =>
        {
            lock (_gate)
            {
                _queue.Enqueue(call.Arg<IWorkItem>());
            }
            return true;
        });

        Store.GetAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns(call => Find(r => r.Id == call.Arg<Guid>()).FirstOrDefault());
        Store.GetByRequesterAsync(Arg.Any<SlackIdentity>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlyList<AccessRequest>)[.. Find(r => r.Requester == call.Arg<SlackIdentity>()).OrderByDescending(r => r.CreatedAt)]);
        Store.GetOpenAsync(Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlyList<AccessRequest>)[.. Find(r => !r.Status.IsFinal())]);
        Slack.PublishViewAsync(Arg.Any<string>(), Arg.Any<JsonObject>(), Arg.Any<CancellationToken>())
            .Returns(call => Views.PublishAsync(call.ArgAt<string>(0), call.ArgAt<JsonObject>(1)));

        var access = Substitute.For<IOptionsMonitor<AccessOptions>>();
        access.CurrentValue.Returns(Access);
        var workspace = new SlackJit.Slack.SlackWorkspace(Options.Create(new SlackJit.Slack.SlackOptions { AllowedTeamIds = [.. allowedTeams ?? []] }));
        var approvers = new ApproverLookup(Slack, Time, NullLogger<ApproverLookup>.Instance);
        Publishing = new HomePublishing(work, NullLogger<HomePublishing>.Instance);
        Refresh = new HomeRefresh(work, NullLogger<HomeRefresh>.Instance);
        var reader = new HomeReader(Store, approvers, workspace, access);
        PublishHandler = new PublishHomeHandler(Publishing, reader, Slack, Time, NullLogger<PublishHomeHandler>.Instance);
        RefreshHandler = new RefreshHomesHandler(Refresh, Publishing, reader, Store, approvers, workspace, access);
    }

    public FakeTimeProvider Time { get; } = new(StoreRequests.T0);

    public IAccessRequestStore Store { get; } = Substitute.For<IAccessRequestStore>();

    public ISlackApi Slack { get; } = Substitute.For<ISlackApi>();

    public HeldViews Views { get; } = new();

    public AccessOptions Access { get; } = new()
    {
        Resources = [new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Approvers = [.. Approvers] }],
    };

    public HomePublishing Publishing { get; }

    public HomeRefresh Refresh { get; }

    public PublishHomeHandler PublishHandler { get; }

    public RefreshHomesHandler RefreshHandler { get; }

    /// <summary>Work queued and not yet started.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Puts <paramref name="request"/> in the store (replacing the one with its id) and tells the observer, as the store does.</summary>
    public AccessRequest Save(AccessRequest request)
    {
        lock (_gate)
        {
            _requests.RemoveAll(r => r.Id == request.Id);
            _requests.Add(request);
        }
        Refresh.Changed(request);
        return request;
    }

    /// <summary>A pending request on the catalog's entry from <paramref name="requester"/>.</summary>
    public static AccessRequest Pending(string requester = Requester, string team = Team, string entry = "analytics") =>
        StoreRequests.Pending(StoreRequests.T0, new SlackIdentity(requester, team), StoreRequests.T0.AddHours(1)) with
        {
            Resource = new ResourceRef(entry, "analytics-prod", "reports/"),
            RequiredApprovals = 1,
        };

    /// <summary>Starts every item queued now, each on its own, without waiting for any (as the queue's workers would).</summary>
    public Task StartQueuedAsync()
    {
        var started = new List<Task>();
        while (TryTake(out var item))
        {
            started.Add(Run(item));
        }
        return Task.WhenAll(started);
    }

    /// <summary>Runs queued items one after the other until none is left.</summary>
    public async Task DrainAsync()
    {
        while (TryTake(out var item))
        {
            await Run(item);
        }
    }

    private Task Run(IWorkItem item) => item switch
    {
        PublishHome publish => Task.Run(() => PublishHandler.HandleAsync(publish, CancellationToken.None)),
        RefreshHomes refresh => Task.Run(() => RefreshHandler.HandleAsync(refresh, CancellationToken.None)),
        _ => throw new InvalidOperationException($"Unexpected work {item.Name}."),
    };

    private bool TryTake(out IWorkItem item)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out item!);
        }
    }

    private List<AccessRequest> Find(Func<AccessRequest, bool> match)
    {
        lock (_gate)
        {
            return [.. _requests.Where(match)];
        }
    }
}
