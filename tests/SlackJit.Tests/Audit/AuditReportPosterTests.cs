using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Audit;
using SlackJit.Slack.Api;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Tests.Audit;

public sealed class AuditReportPosterTests : IAsyncLifetime
{
    private const string Channel = "C0AUDIT";
    private readonly string _dir = Directory.CreateTempSubdirectory("slackjit-poster-").FullName;
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();
    private readonly FakeTimeProvider _time = new(AuditScenario.At("2026-12-01T00:00:00Z"));
    private SqliteAccessRequestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteAccessRequestStore(Path.Combine(_dir, "a.db"), NullLogger<SqliteAccessRequestStore>.Instance);
        await AuditScenario.SeedAsync(_store, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private AuditReportPoster Poster(TimeSpan every) => new(
        _store, _slack, Options.Create(new AuditOptions { ReportChannel = Channel, ReportEvery = every }), _time, NullLogger<AuditReportPoster>.Instance);

    [Fact]
    public async Task Schedule_PeriodEnds_PostsThatPeriodsReportToTheChannel()
    {
        var posted = new TaskCompletionSource<SlackMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _slack.PostMessageAsync(Channel, Arg.Any<SlackMessage>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                posted.TrySetResult(call.Arg<SlackMessage>());
                return new SlackMessageRef(Channel, "1.2");
            });
        using var poster = Poster(TimeSpan.FromDays(31));
        await poster.StartAsync(CancellationToken.None);

        // The first period: 31 days from the start, holding the scenario's December (revoked, cancelled) and the
        // request created at the very end of the quarter's last instant.
        _time.Advance(TimeSpan.FromDays(31));
        var message = await posted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await poster.StopAsync(CancellationToken.None);

        Assert.StartsWith("```\n# SlackJit access report", message.Text, StringComparison.Ordinal);
        Assert.Contains("- Period: requests created from 2026-12-01T00:00:00.000Z to 2027-01-01T00:00:00.000Z", message.Text, StringComparison.Ordinal);
        Assert.Contains("| **all** | 2 | 1 | 0 | 0 | 1 | 0 | 1 | 1 | 0 |", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n```", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SlackFails_LoggedAndNoException()
    {
        _slack.PostMessageAsync(Channel, Arg.Any<SlackMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new SlackApiException("chat.postMessage", "not_in_channel"));
        using var poster = Poster(TimeSpan.FromDays(7));

        await poster.PostAsync(AuditScenario.From, AuditScenario.To, CancellationToken.None);

        await _slack.Received(1).PostMessageAsync(Channel, Arg.Any<SlackMessage>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("general", null, "Audit:ReportChannel 'general' is not a channel ID")]
    [InlineData("C0AUDIT", "00:10:00", "Audit:ReportEvery must be between")]
    [InlineData("C0AUDIT", "32.00:00:00", "Audit:ReportEvery must be between")]
    public void Validate_BadSetting_OneLineNamingTheKey(string channel, string? every, string expected)
    {
        var options = new AuditOptions { ReportChannel = channel };
        if (every is not null)
        {
            options.ReportEvery = TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = new AuditOptionsValidator().Validate(null, options);

        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_PassAndPostNothing()
    {
        Assert.Equal(ValidateOptionsResult.Success, new AuditOptionsValidator().Validate(null, new AuditOptions()));
        Assert.Null(new AuditOptions().ReportChannel);
    }
}
