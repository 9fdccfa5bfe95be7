using Microsoft.Extensions.Options;
using SlackJit.Slack;
using SlackJit.Slack.Api;

using SlackWorkspace = SlackJit.Slack.SlackWorkspace;

namespace SlackJit.Tests.Slack;

public sealed class SlackWorkspaceTests
{
    private static readonly SlackAuthInfo Bot = new("T0OWN", "Own", "U0BOT", "B0BOT", "A0OWN");

    private static SlackWorkspace Workspace(SlackAuthInfo? bot, params string[] allowed)
    {
        var workspace = new SlackWorkspace(Options.Create(new SlackOptions { AllowedTeamIds = [.. allowed] }));
        if (bot is not null)
        {
            workspace.Remember(bot);
        }

        return workspace;
    }

    [Theory]
    [InlineData("T0OWN", "A0OWN")]
    [InlineData("T0OWN", null)]
    [InlineData("T0GRID2", "A0OWN")]
    public void Refuses_OwnOrAllowedTeamAndOwnOrUnnamedApp_Accepts(string team, string? app) =>
        Assert.Null(Workspace(Bot, "T0GRID2").Refuses(team, app));

    [Theory]
    [InlineData("T0OTHER", "A0OWN", "team T0OTHER")]
    [InlineData(null, "A0OWN", "no team_id")]
    [InlineData("", "A0OWN", "no team_id")]
    [InlineData("T0OWN", "A0OTHER", "app A0OTHER")]
    public void Refuses_ForeignTeamOrApp_SaysWhy(string? team, string app, string why) =>
        Assert.StartsWith(why, Workspace(Bot).Refuses(team, app), StringComparison.Ordinal);

    [Fact]
    public void Refuses_BotUnknownAndNoList_AcceptsEverything() =>
        Assert.Null(Workspace(null).Refuses("T0ANY", "A0ANY"));

    [Fact]
    public void Refuses_BotUnknownWithAList_AcceptsOnlyTheList()
    {
        var workspace = Workspace(null, "T0GRID1");

        Assert.Null(workspace.Refuses("T0GRID1", "A0ANY"));
        Assert.NotNull(workspace.Refuses("T0OTHER", "A0ANY"));
    }

    [Fact]
    public void Teams_BotKnownAndAllowedListed_EachOnceBotFirst() =>
        Assert.Equal(["T0OWN", "T0GRID2"], Workspace(Bot, "T0GRID2", "T0OWN").Teams);

    [Fact]
    public void Teams_NeitherKnown_Empty() =>
        Assert.Empty(Workspace(null).Teams);
}
