using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Slack.Messaging;

public sealed class SlackMessengerTests
{
    private const string User = "U0PERSON";
    private const string ResponseUrl = "https://hooks.slack.com/actions/T0/1/abc";
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();

    public SlackMessengerTests()
    {
        _slack.OpenDirectMessageAsync(User, Arg.Any<CancellationToken>()).Returns("D0PERSON");
        _slack.PostMessageAsync(default!, default!, default).ReturnsForAnyArgs(new SlackMessageRef("D0PERSON", "1.1"));
    }

    private SlackMessenger Messenger() => new(_slack, NullLogger<SlackMessenger>.Instance);

    [Fact]
    public async Task ReplyAsync_WithResponseUrl_PostsThereEphemeral()
    {
        await Messenger().ReplyAsync(new ReplyTarget(User, ResponseUrl), new SlackMessage("hi"), "test", CancellationToken.None, replaceOriginal: true);

        await _slack.Received(1).PostToResponseUrlAsync(ResponseUrl,
            Arg.Is<JsonObject>(b => (string)b["response_type"]! == "ephemeral" && (bool)b["replace_original"]! && (string)b["text"]! == "hi"),
            Arg.Any<CancellationToken>());
        await _slack.DidNotReceiveWithAnyArgs().PostMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task ReplyAsync_WithoutResponseUrl_SendsADm()
    {
        await Messenger().ReplyAsync(ReplyTarget.Dm(User), new SlackMessage("hi"), "test", CancellationToken.None);

        await _slack.Received(1).PostMessageAsync("D0PERSON", Arg.Is<SlackMessage>(m => m.Text == "hi"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task EphemeralAsync_WithoutResponseUrl_PostsEphemeralInTheClicksChannel()
    {
        await Messenger().EphemeralAsync(new ReplyTarget(User, null, "C0CHANNEL"), Guid.Empty, "only you", CancellationToken.None);

        await _slack.Received(1).PostEphemeralAsync("C0CHANNEL", User, Arg.Is<SlackMessage>(m => m.Text == "only you"), Arg.Any<CancellationToken>());
        await _slack.DidNotReceiveWithAnyArgs().PostMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task EphemeralAsync_NoResponseUrlNorChannel_SendsADm()
    {
        // A click on the App Home tab carries neither: the answer still reaches the clicker alone.
        await Messenger().EphemeralAsync(new ReplyTarget(User), Guid.Empty, "only you", CancellationToken.None);

        await _slack.Received(1).PostMessageAsync("D0PERSON", Arg.Is<SlackMessage>(m => m.Text == "only you"), Arg.Any<CancellationToken>());
        await _slack.DidNotReceiveWithAnyArgs().PostEphemeralAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task TellAsync_WithExistingDm_EditsItInsteadOfPosting()
    {
        var dm = new SlackMessageRef("D0PERSON", "1.5");

        await Messenger().TellAsync(User, dm, Guid.Empty, new SlackMessage("update"), CancellationToken.None);

        await _slack.Received(1).UpdateMessageAsync(dm, Arg.Is<SlackMessage>(m => m.Text == "update"), Arg.Any<CancellationToken>());
        await _slack.DidNotReceiveWithAnyArgs().PostMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task ReplyTellAndEphemeral_SlackFails_Swallowed()
    {
        _slack.PostToResponseUrlAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new SlackApiException("response_url", "expired_url"));
        _slack.UpdateMessageAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new SlackApiException("chat.update", SlackErrors.MessageNotFound));

        await Messenger().ReplyAsync(new ReplyTarget(User, ResponseUrl), new SlackMessage("x"), "test", CancellationToken.None);
        await Messenger().EphemeralAsync(new ReplyTarget(User, ResponseUrl), Guid.Empty, "x", CancellationToken.None);
        await Messenger().TellAsync(User, new SlackMessageRef("D0PERSON", "1.5"), Guid.Empty, new SlackMessage("x"), CancellationToken.None);

        // Each was tried once and its failure stayed inside (the store already holds the truth).
        await _slack.ReceivedWithAnyArgs(2).PostToResponseUrlAsync(default!, default!, default);
        await _slack.ReceivedWithAnyArgs(1).UpdateMessageAsync(default!, default!, default);
    }

    [Fact]
    public async Task DirectMessageAsync_SlackFails_Throws()
    {
        _slack.OpenDirectMessageAsync(User, Arg.Any<CancellationToken>()).ThrowsAsync(new SlackApiException("conversations.open", "user_not_found"));

        await Assert.ThrowsAsync<SlackApiException>(() => Messenger().DirectMessageAsync(User, new SlackMessage("x"), CancellationToken.None));
    }
}
