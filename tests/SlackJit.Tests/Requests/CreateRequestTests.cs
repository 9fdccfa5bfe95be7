using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack;
using SlackJit.Slack.Api;
using SlackJit.Storage;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Requests;

public sealed class CreateRequestTests
{
    private static readonly SlackIdentity Requester = new("U0REQ", "T0TEAM");
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();
    private readonly SlackJit.Tests.Fakes.InMemorySlotStore _slots = new();
    private readonly FakeTimeProvider _time = new(AccessRequestBuilder.T0);
    private readonly AccessOptions _options = new()
    {
        MaxPendingPerRequester = 1,
        Resources = [new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Approvers = ["U0A"], ApproverChannel = "C0OWN" }],
    };

    public CreateRequestTests()
    {
        _slack.GetUserAsync("U0REQ", Arg.Any<CancellationToken>()).Returns(new SlackUserInfo("U0REQ", "T0TEAM", false, false, false, false, null));
        _store.CreateAsync(Arg.Any<AccessRequest>(), Arg.Any<CancellationToken>()).Returns(CreateResult.Created);
    }

    private CreateRequest Create() => new(
        new RequesterSlots(_slots, _store),
        new RequesterLookup(_slack, _time, NullLogger<RequesterLookup>.Instance),
        Options.Create(_options),
        Options.Create(new SlackOptions { ApproverChannel = "C0DEFAULT" }),
        _time,
        NullLogger<CreateRequest>.Instance);

    [Fact]
    public async Task CreateAsync_Allowed_StoredPendingDueSoonForItsCard()
    {
        var outcome = await Create().CreateAsync(new ParsedRequest("analytics-prod", "x/", TimeSpan.FromHours(1), "why"), Requester, CancellationToken.None);

        var created = Assert.IsType<CreateOutcome.Created>(outcome);
        Assert.Equal(AccessRequestBuilder.T0 + AccessRequests.CardGrace, created.Request.DueAt);
        Assert.Equal("C0OWN", created.Channel.Id);
        await _store.Received(1).CreateAsync(created.Request, Arg.Any<CancellationToken>());
        await _store.DidNotReceiveWithAnyArgs().GetByRequesterAsync(default!, default, default);
    }

    [Fact]
    public async Task CreateAsync_OverTheLimit_RefusedNothingWritten()
    {
        var first = await Create().CreateAsync(new ParsedRequest("analytics-prod", "", null, "why"), Requester, CancellationToken.None);
        Assert.IsType<CreateOutcome.Created>(first);
        _store.ClearReceivedCalls();

        var outcome = await Create().CreateAsync(new ParsedRequest("analytics-prod", "", null, "why"), Requester, CancellationToken.None);

        Assert.Equal(RefusalReason.TooManyPending, Assert.IsType<CreateOutcome.Refused>(outcome).Reason);
        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task CreateAsync_BadInput_RefusedWithoutReadingTheStore()
    {
        var outcome = await Create().CreateAsync(new ParsedRequest("other-bucket", "", null, "why"), Requester, CancellationToken.None);

        Assert.Equal(RefusalReason.UnknownBucket, Assert.IsType<CreateOutcome.Refused>(outcome).Reason);
        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        Assert.Empty(_slots.Snapshot);
    }
}
