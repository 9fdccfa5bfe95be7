using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackHandlerRegistryTests
{
    [Fact]
    public void FindCommand_DifferentCase_Matches()
    {
        var registry = new SlackHandlerRegistry([new TestCommandHandler(new HandlerProbe())], [], [], []);

        Assert.NotNull(registry.FindCommand("/JIT-TEST"));
        Assert.Null(registry.FindCommand("/other"));
    }

    [Fact]
    public void FindAction_OnlyExactId_Matches()
    {
        var registry = new SlackHandlerRegistry([], [new TestActionHandler(new HandlerProbe())], [], []);

        Assert.NotNull(registry.FindAction(TestActionHandler.Id));
        Assert.Null(registry.FindAction(TestActionHandler.Id.ToUpperInvariant()));
    }

    [Fact]
    public void Constructor_TwoHandlersForOneCommand_Throws()
    {
        var probe = new HandlerProbe();

        var ex = Assert.Throws<InvalidOperationException>(
            () => new SlackHandlerRegistry([new TestCommandHandler(probe), new TestCommandHandler(probe)], [], [], []));
        Assert.Contains(TestCommandHandler.Name, ex.Message, StringComparison.Ordinal);
    }
}
