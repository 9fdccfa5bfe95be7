using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>The real app's wiring: the transport is mapped by <c>MapSlack</c> and guarded the same way.</summary>
public sealed class SlackTransportAppTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Secret = "app-test-signing-secret";

    private readonly WebApplicationFactory<Program> _factory;

    public SlackTransportAppTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(b => b
            .UseSetting("Slack:SigningSecret", Secret)
            .UseSetting("Slack:BotToken", "xoxb-test")
            .UseSetting("Slack:AppToken", "")
            .UseSetting("Slack:VerifyTokenOnStart", "false")
            // Nothing in these tests may reach Slack: an address that refuses connections.
            .UseSetting("Slack:ApiBaseUrl", "http://127.0.0.1:9/api/")
            .UseSetting("Aws:RoleArn", "arn:aws:iam::123456789012:role/slackjit-read")
            .UseSetting("Access:Resources:0:Name", "analytics")
            .UseSetting("Access:Resources:0:Bucket", "analytics-prod")
            .UseSetting("Access:Resources:0:Approvers:0", "U0APPROVER")
            .UseSetting("Access:Resources:0:ApproverChannel", "C0APPROVE"));
    }

    [Fact]
    public async Task Commands_SignedUnknownCommand_200UnknownAction()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new SlackRequestSigner(Secret).Command("/slackjit-transport-probe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SlackDispatcher.UnknownAction, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);
    }

    [Fact]
    public async Task Interactions_SignedWithOtherSecret_401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new SlackRequestSigner("not-the-secret").Interaction(SlackRequestSigner.BlockActions("x")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
