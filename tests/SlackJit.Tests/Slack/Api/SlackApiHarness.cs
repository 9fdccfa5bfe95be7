using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Slack.Api;

namespace SlackJit.Tests.Slack.Api;

/// <summary>The real client and pipeline from <c>AddSlackApi</c>, pointed at a fresh <see cref="FakeSlackApi"/>.</summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SlackApiHarness(FakeSlackApi fake, ServiceProvider provider)
    {
        Fake = fake;
        _provider = provider;
    }

    public FakeSlackApi Fake { get; }

    public ISlackApi Api => _provider.GetRequiredService<ISlackApi>();

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs => _provider.GetRequiredService<FakeLogCollector>();

    /// <summary>Short back-offs so tests stay fast; the Retry-After floor is never shortened.</summary>
    public static async Task<SlackApiHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var fake = await FakeSlackApi.StartAsync();
        var settings = fake.Settings();
        settings["Slack:SigningSecret"] = "test-signing-secret";
        settings["Slack:RequestTimeout"] = "00:00:05";
        settings["Slack:Retry:BaseDelay"] = "00:00:00.020";
        configure?.Invoke(settings);
        return new SlackApiHarness(fake, BuildProvider(settings));
    }

    public static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFakeLogging();
        services.AddSlackApi();
        return services.BuildServiceProvider(validateScopes: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
