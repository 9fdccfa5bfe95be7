using System.Net;
using SlackJit.Slack.Transport;
using SlackJit.Tests.EndToEnd;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests;

/// <summary>With the bot's identity from auth.test, commands and clicks from other workspaces reach no handler.</summary>
public sealed class ForeignWorkspaceEndToEndTests
{
    private const string Ask = "analytics-prod/reports 2h INC-4211 investigating";

    private static Task<SlackJitHarness> StartAsync(params string[] allowedTeams) =>
        SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Slack:VerifyTokenOnStart"] = "true";
            for (var i = 0; i < allowedTeams.Length; i++)
            {
                o.Settings[$"Slack:AllowedTeamIds:{i}"] = allowedTeams[i];
            }
        });

    [Fact]
    public async Task Command_FromAnotherWorkspace_RefusedAndNothingStored()
    {
        await using var harness = await StartAsync();

        var body = await harness.AskAsync(Ask);

        Assert.Equal(SlackDispatcher.OtherWorkspace, (string?)body["text"]);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Empty(harness.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Command_FromTheBotsWorkspace_Served()
    {
        await using var harness = await StartAsync();

        using var response = await harness.Client.SendAsync(harness.Signer.Command("/s3-access", Ask, userId: Requester, teamId: FakeSlackApi.TeamId,
            triggerId: NewTriggerId(), responseUrl: harness.Slack.NewResponseUrl()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(SlackDispatcher.OtherWorkspace, (string?)(await BodyAsync(response))["text"]);
        await harness.WaitForAsync(async () => (await harness.Store.GetByRequesterAsync(new(Requester, FakeSlackApi.TeamId), 10, CancellationToken.None)).FirstOrDefault(), "the request");
    }

    [Fact]
    public async Task Command_FromAnAllowedGridWorkspace_Served()
    {
        await using var harness = await StartAsync(TeamId);

        var request = await harness.RequestWithCardAsync(Ask);

        Assert.Equal(TeamId, request.Requester.TeamId);
    }

    [Fact]
    public async Task Click_FromAnotherApp_Refused()
    {
        await using var harness = await StartAsync(TeamId);
        var request = await harness.RequestWithCardAsync(Ask);
        var payload = SlackRequestSigner.BlockActions(
            SlackJit.Requests.RequestsSlackKeys.ApproveAction, request.Id.ToString(), userId: Approver, teamId: TeamId, channelId: ApproverChannel);
        payload["api_app_id"] = "A0OTHERAPP";

        using var click = await harness.Client.SendAsync(harness.Signer.Interaction(payload));

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal(SlackDispatcher.OtherWorkspace, (string?)(await BodyAsync(click))["text"]);
        Assert.Equal(SlackJit.Access.RequestStatus.Pending, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }
}
