using System.Collections.Concurrent;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>What the test handlers received, and what they should do; one per test host.</summary>
internal sealed class HandlerProbe
{
    public ConcurrentQueue<SlashCommand> Commands { get; } = new();
    public ConcurrentQueue<(BlockActionsPayload Payload, BlockAction Action)> Actions { get; } = new();
    public ConcurrentQueue<ViewSubmissionPayload> Submissions { get; } = new();
    public ConcurrentQueue<ViewClosedPayload> Closes { get; } = new();

    public Func<SlashCommand, CancellationToken, Task<SlackResponse>> OnCommand { get; set; } =
        (c, _) => Task.FromResult(SlackResponse.Ephemeral($"got {c.Command} {c.Text}"));

    public Func<BlockAction, CancellationToken, Task<SlackResponse>> OnAction { get; set; } =
        (_, _) => Task.FromResult(SlackResponse.Empty);

    public Func<ViewSubmissionPayload, CancellationToken, Task<ViewSubmissionResponse>> OnSubmission { get; set; } =
        (_, _) => Task.FromResult(ViewSubmissionResponse.Close);
}
