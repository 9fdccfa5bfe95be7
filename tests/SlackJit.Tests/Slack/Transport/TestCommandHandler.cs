using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

internal sealed class TestCommandHandler(HandlerProbe probe) : ISlashCommandHandler
{
    public const string Name = "/jit-test";

    public string Command => Name;

    public Task<SlackResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        probe.Commands.Enqueue(command);
        return probe.OnCommand(command, cancellationToken);
    }
}
