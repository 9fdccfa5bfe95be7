using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Requests;

public sealed class RequestRepliesTests
{
    private static readonly ApproverChannel Channel = new("C0APPROVERS", "Slack:ApproverChannel");

    public static TheoryData<bool, string> Cases => new()
    {
        { true, "reports/2026/" },
        { false, "reports/2026/" },
        { true, "ünïcode \"quoted\" <b>&amp;</b> `tick` *star*/" },
        { false, new string('p', 700) },
    };

    [Theory]
    [InlineData(ParseProblem.Empty, "Tell me what you need: `/s3-access &lt;bucket&gt;[/&lt;prefix&gt;] [duration] &lt;reason&gt;`, e.g. ")]
    [InlineData(ParseProblem.OnlyBreakGlass, "Tell me what you need: `/s3-access &lt;bucket&gt;[/&lt;prefix&gt;] &lt;duration&gt; --break-glass &lt;reason&gt;`")]
    [InlineData(ParseProblem.NoBucket, "Start with the bucket name, e.g. `analytics-prod/reports`. Usage: `/s3-access &lt;bucket&gt;")]
    public void CannotRead_EachProblem_SaysWhatIsMissingWithTheUsage(ParseProblem problem, string expected)
    {
        Assert.StartsWith(expected, RequestReplies.CannotRead(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_SameSyntaxAsTheHelp()
    {
        var syntax = RequestReplies.Usage[..RequestReplies.Usage.IndexOf(", e.g.", StringComparison.Ordinal)];

        Assert.Contains("• " + syntax + " — e.g.", RequestReplies.Help(new AccessOptions()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AckReply_RemindersOnOrOff_SameJsonAsTheNodeBuiltAnswer(bool reminders, string prefix)
    {
        var request = Request(reminders, prefix);

        var written = SlackResponseJson.Render(RequestReplies.AckReply(request, Channel)).Json;

        Assert.Equal(SlackResponseJson.Render(NodeBuiltAck(request)).Json, written);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ack_AsMessageForTheDm_SameTextAndBlocksAsTheNodeBuiltAnswer(bool reminders, string prefix)
    {
        var request = Request(reminders, prefix);
        var expected = NodeBuiltAck(request);

        var message = RequestReplies.Ack(request, Channel);

        Assert.Equal(expected.Text, message.Text);
        Assert.Equal(expected.Blocks!.ToJsonString(), message.Blocks!.ToJsonString());
    }

    // The button row is a copy with each request's ids put in (AckActions): every id, whatever its characters, lands in
    // its places and nowhere else, so the answer stays the node-built one.
    [Fact]
    public void AckReply_ManyRequestIds_SameJsonAsTheNodeBuiltAnswer()
    {
        var time = TimeProvider.System;
        for (var i = 0; i < 300; i++)
        {
            var request = Request(reminders: i % 2 == 0, "reports/") with { Id = RequestIds.New(time) };

            var written = SlackResponseJson.Render(RequestReplies.AckReply(request, Channel)).Json;

            Assert.Equal(SlackResponseJson.Render(NodeBuiltAck(request)).Json, written);
        }
    }

    [Fact]
    public void AckReply_Text_NamesTheRequestTheResourceTheChannelAndTheDeadline()
    {
        var request = Request(reminders: true, "reports/");

        var reply = RequestReplies.AckReply(request, Channel);

        Assert.Equal(
            $":inbox_tray: Request *{request.ShortId}* for {DurationParser.Format(request.RequestedDuration)} of read-only access to " +
            $"`{Mrkdwn.Escape(request.Resource.Display, 600)}` is waiting for approval in <#C0APPROVERS>" +
            $" (open until {SlackDates.DateTime(request.Deadline)}). You'll get a DM with the credentials when it is approved.",
            reply.Text);
        var blocks = JsonNode.Parse(SlackResponseJson.Render(reply).Json!)!["blocks"]!.AsArray();
        Assert.Equal(["requests.cancel", "requests.nudge"], blocks[1]!["elements"]!.AsArray().Select(e => (string?)e!["action_id"]));
    }

    private static AccessRequest Request(bool reminders, string prefix) =>
        AccessRequestBuilder.Pending().WithResource(new ResourceRef("analytics", "analytics-prod", prefix)).Build() with
        {
            Reminders = reminders ? new ReminderState(TimeSpan.FromMinutes(30)) : ReminderState.None,
        };

    // The answer as it was built before its blocks were written straight to JSON: nodes from Block and Element.
    private static SlackResponse NodeBuiltAck(AccessRequest request)
    {
        var text = RequestReplies.AckReply(request, Channel).Text!;
        var blocks = BlockList.ForMessage();
        blocks.Add(Block.Section(text));
        var cancel = Element.Button(RequestsSlackKeys.CancelAction, "Cancel request", request.Id.ToString(),
            confirm: new ConfirmDialog($"Cancel {request.ShortId}?", "The approvers will see it as cancelled.", "Cancel request", "Keep it"));
        blocks.Add(request.Reminders.Interval > TimeSpan.Zero
            ? Block.Actions(RequestsSlackKeys.AckActionsBlock, cancel, Element.Button(RequestsSlackKeys.NudgeAction, "Nudge approvers", request.Id.ToString()))
            : Block.Actions(RequestsSlackKeys.AckActionsBlock, cancel));
        return SlackResponse.Ephemeral(text, blocks.MoveToJsonArray());
    }
}
