using System.Net;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Transport;
using SlackJit.Tests.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Slack.Transport;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>A user id of only whitespace identifies nobody: the payload is refused before any handler sees it.</summary>
public sealed class BlankUserIdTests
{
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\u3000")]
    public void Parse_BlockActionsFromWhitespaceUser_Invalid(string userId)
    {
        var parse = SlackInteractionParser.Parse(SlackRequestSigner.BlockActions(RequestsSlackKeys.ApproveAction, Guid.Empty.ToString(), userId: userId).ToJsonString());

        Assert.Equal("Payload of type block_actions lacks required fields.", parse.Error);
    }

    [Fact]
    public void Parse_ViewSubmissionFromWhitespaceUser_Invalid()
    {
        var parse = SlackInteractionParser.Parse(SlackRequestSigner.ViewSubmission(RequestsSlackKeys.DenyReasonCallback, userId: " ").ToJsonString());

        Assert.Equal("Payload of type view_submission lacks required fields.", parse.Error);
    }

    [Fact]
    public async Task Approve_WhitespaceUserOnARealRequest_400AndRequestUntouched()
    {
        await using var harness = await SlackJitHarness.StartAsync();
        var request = AccessRequestBuilder.Pending().WithId(Guid.CreateVersion7()).WithRequester(SlackJitHarness.Requester).Build();
        await harness.Store.CreateAsync(request, CancellationToken.None);

        using var response = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), user: " ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SlackDispatcher.SomethingWentWrong, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await harness.Store.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal(request.Version, stored!.Version);
        Assert.Equal(RequestStatus.Pending, stored.Status);
    }
}
