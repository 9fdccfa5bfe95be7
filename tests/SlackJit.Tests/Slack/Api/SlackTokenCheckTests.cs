using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Hosting;
using SlackJit.Slack;
using SlackJit.Slack.Api;

namespace SlackJit.Tests.Slack.Api;

public sealed class SlackTokenCheckTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(SlackErrors.InvalidAuth)]
    [InlineData(SlackErrors.TokenRevoked)]
    [InlineData(SlackErrors.NotAuthed)]
    [InlineData(SlackErrors.AccountInactive)]
    public async Task StartAsync_TokenRejected_ThrowsStartupCheckNamingTheSetting(string error)
    {
        var slack = Substitute.For<ISlackApi>();
        slack.AuthTestAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new SlackApiException("auth.test", error));
        var check = Check(slack, out _);

        var ex = await Assert.ThrowsAsync<StartupCheckException>(() => check.StartAsync(None));

        Assert.Contains("Slack__BotToken", ex.Message);
        Assert.Contains(error, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(SlackErrors.NetworkError)]
    [InlineData(SlackErrors.Timeout)]
    [InlineData(SlackErrors.RateLimited)]
    public async Task StartAsync_SlackUnreachable_WarnsAndContinues(string error)
    {
        var slack = Substitute.For<ISlackApi>();
        slack.AuthTestAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new SlackApiException("auth.test", error));
        var check = Check(slack, out var logger);

        await check.StartAsync(None);

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(3111, record.Id.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
    }

    [Fact]
    public async Task StartAsync_Disabled_DoesNotCallSlack()
    {
        var slack = Substitute.For<ISlackApi>();
        var check = Check(slack, out _, verify: false);

        await check.StartAsync(None);

        await slack.DidNotReceive().AuthTestAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task StartAsync_FakeSlackWithRevokedToken_Throws()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:VerifyTokenOnStart"] = "true");
        h.Fake.Inject("auth.test", SlackFault.Error(SlackErrors.TokenRevoked));
        var check = h.Services.GetServices<IHostedService>().OfType<SlackTokenCheck>().Single();

        await Assert.ThrowsAsync<StartupCheckException>(() => check.StartAsync(None));
    }

    [Fact]
    public async Task StartAsync_FakeSlackWithValidToken_LogsVerifiedTeam()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:VerifyTokenOnStart"] = "true");
        var check = h.Services.GetServices<IHostedService>().OfType<SlackTokenCheck>().Single();
        h.Logs.Clear();
        var atStart = h.Fake.Calls("auth.test").Count;

        await check.StartAsync(None);

        Assert.Equal(atStart + 1, h.Fake.Calls("auth.test").Count);
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 3110 && r.Message.Contains(FakeSlackApi.TeamId));
    }

    private static SlackTokenCheck Check(ISlackApi slack, out FakeLogger<SlackTokenCheck> logger, bool verify = true)
    {
        logger = new FakeLogger<SlackTokenCheck>();
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-1", VerifyTokenOnStart = verify });
        return new SlackTokenCheck(slack, options, logger);
    }
}
