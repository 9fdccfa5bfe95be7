using Microsoft.Extensions.Time.Testing;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>An emulated Slack per test with one person in it, and a client calling its Web API.</summary>
public abstract class OnePersonSlack : IAsyncLifetime
{
    protected const string User = "U0PERSON";

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    internal EmulatedSlack Slack { get; private set; } = null!;

    internal EmulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await EmulatedSlack.StartAsync(Time);
        Slack.Workspace.AddUser(new EmulatedUser(User, "person", "A Person"));
        Client = new EmulatorClient(Slack);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Slack.DisposeAsync();
    }
}
