using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SlackJit.SlackEmulator.AppClient;
using SlackJit.SlackEmulator.Recording;
using SlackJit.SlackEmulator.Ui;
using SlackJit.SlackEmulator.WebApi;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator;

/// <summary>
/// One emulated Slack: the workspace state, the Web API over it (with Slack's limits, faults and rate limits),
/// the record of calls, and the client side that sends signed commands and interactions to the app.
/// Host it in an existing app with <see cref="Map"/>, or on its own loopback port with <see cref="StartAsync"/>.
/// </summary>
public sealed class EmulatedSlack : IAsyncDisposable, IDisposable
{
    private readonly HttpClient _appHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
    private WebApplication? _ownServer;

    public EmulatedSlack(TimeProvider? time = null, SlackTokens? tokens = null, string teamId = SlackWorkspace.DefaultTeamId)
    {
        Workspace = new SlackWorkspace(time, teamId);
        Tokens = tokens ?? new SlackTokens(SlackTokens.DefaultBotToken, SlackTokens.DefaultAppToken);
        RateLimits = new RateLimiter(Workspace.Time);
        WebApi = new SlackWebApi(Workspace, Calls, Faults, RateLimits, Tokens);
        App = new SlackAppClient(Workspace, _appHttp, () => Root);
    }

    public SlackWorkspace Workspace { get; }

    public SlackTokens Tokens { get; }

    public CallLog Calls { get; } = new();

    public FaultQueue Faults { get; } = new();

    public RateLimiter RateLimits { get; }

    public SlackWebApi WebApi { get; }

    /// <summary>Slack's side towards the app: signed slash commands and interactions.</summary>
    public SlackAppClient App { get; }

    /// <summary>Where the emulator answers, e.g. <c>http://127.0.0.1:port/</c>; set by the host once it listens.</summary>
    public Uri Root { get; set; } = new("http://127.0.0.1/");

    /// <summary>The Web API base to use as <c>Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/").AbsoluteUri;

    /// <summary>Maps the Web API (<c>/api/*</c>), response_urls (<c>/hooks/*</c>) and the page's own endpoints (<c>/emulator/*</c>).</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/{**method}", WebApi.HandleAsync);
        endpoints.Map("/hooks/{**id}", WebApi.HandleAsync);
        EmulatorUiEndpoints.Map(endpoints, this);
    }

    /// <summary>Starts an emulator on a free loopback port (tests: one per test, it is cheap).</summary>
    public static async Task<EmulatedSlack> StartAsync(TimeProvider? time = null, SlackTokens? tokens = null, string teamId = SlackWorkspace.DefaultTeamId)
    {
        var slack = new EmulatedSlack(time, tokens, teamId);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "SlackEmulator",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        slack.Map(app);
        await app.StartAsync();
        slack.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        slack._ownServer = app;
        return slack;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownServer is not null)
        {
            await _ownServer.StopAsync();
            await _ownServer.DisposeAsync();
        }
        _appHttp.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
