using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Requests;
using SlackJit.Slack.Api;

namespace SlackJit.Tests.Requests;

public sealed class RequesterLookupTests
{
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();
    private readonly FakeTimeProvider _time = new();

    private RequesterLookup Lookup() => new(_slack, _time, NullLogger<RequesterLookup>.Instance);

    [Theory]
    [InlineData(false, false, false, false, false)]
    [InlineData(true, false, false, false, true)]
    [InlineData(false, true, false, false, true)]
    public async Task GetAsync_RestrictedFlags_Guest(bool restricted, bool ultra, bool bot, bool deleted, bool guest)
    {
        _slack.GetUserAsync("U1", Arg.Any<CancellationToken>()).Returns(new SlackUserInfo("U1", "T1", bot, restricted, ultra, deleted, null));

        var facts = await Lookup().GetAsync("U1", CancellationToken.None);

        Assert.Equal(guest, facts!.IsGuest);
    }

    [Fact]
    public async Task GetAsync_BotAndDeleted_Reported()
    {
        _slack.GetUserAsync("U1", Arg.Any<CancellationToken>()).Returns(new SlackUserInfo("U1", "T1", true, false, false, true, null));

        var facts = await Lookup().GetAsync("U1", CancellationToken.None);

        Assert.True(facts!.IsBot);
        Assert.True(facts.IsDeleted);
    }

    [Fact]
    public async Task GetAsync_SlackFails_NullAndNotCached()
    {
        _slack.GetUserAsync("U1", Arg.Any<CancellationToken>()).ThrowsAsync(new SlackApiException("users.info", SlackErrors.Timeout));
        var lookup = Lookup();

        Assert.Null(await lookup.GetAsync("U1", CancellationToken.None));
        Assert.Null(await lookup.GetAsync("U1", CancellationToken.None));
        await _slack.Received(2).GetUserAsync("U1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetAsync_Twice_AsksSlackOnceUntilTheCacheExpires()
    {
        _slack.GetUserAsync("U1", Arg.Any<CancellationToken>()).Returns(new SlackUserInfo("U1", "T1", false, false, false, false, null));
        var lookup = Lookup();

        await lookup.GetAsync("U1", CancellationToken.None);
        await lookup.GetAsync("U1", CancellationToken.None);
        await _slack.Received(1).GetUserAsync("U1", Arg.Any<CancellationToken>());

        _time.Advance(RequesterLookup.CacheFor);
        await lookup.GetAsync("U1", CancellationToken.None);
        await _slack.Received(2).GetUserAsync("U1", Arg.Any<CancellationToken>());
    }
}
