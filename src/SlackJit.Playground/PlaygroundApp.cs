using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.Extensions.Options;
using SlackJit.Playground.Audit;
using SlackJit.Playground.Page;
using SlackJit.Playground.Sandbox;
using SlackJit.Playground.Time;
using SlackJit.SlackEmulator;
using SlackJit.SlackEmulator.WebApi;
using SlackJit.Storage;

namespace SlackJit.Playground;

/// <summary>
/// The playground: one web server with the page, the emulated Slack workspace and sandbox AWS; and the real
/// SlackJit host (<see cref="Program.CreateApp"/>, the production composition) on a loopback port beside it,
/// talking to both only over the wire: signed requests in, the Web API client to the emulator, the AWS SDK to
/// sandbox STS, the federation endpoint for console links. Both run on the playground's clock.
/// </summary>
public sealed class PlaygroundApp : IAsyncDisposable
{
    public const string DefaultUrl = "http://localhost:5000";
    public const string SettingsFile = "playground.json";

    private PlaygroundApp(WebApplication web, EmulatedSlack slack, SandboxAccount sandbox, PlaygroundClock clock)
    {
        Web = web;
        Slack = slack;
        Sandbox = sandbox;
        Clock = clock;
    }

    public WebApplication Web { get; }

    public EmulatedSlack Slack { get; }

    public SandboxAccount Sandbox { get; }

    public PlaygroundClock Clock { get; }

    /// <summary>The page's address, e.g. <c>http://localhost:5000/</c>.</summary>
    public Uri Root => Slack.Root;

    /// <summary>The SlackJit host (null until it has started).</summary>
    public WebApplication? Host { get; private set; }

    public IAccessRequestStore? Store => Host?.Services.GetService<IAccessRequestStore>();

    public static async Task<PlaygroundApp> StartAsync(string[] args, PlaygroundHostOptions? hostOptions = null, CancellationToken cancellationToken = default)
    {
        hostOptions ??= new PlaygroundHostOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFile), optional: false);
        builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var options = builder.Configuration.GetSection(PlaygroundOptions.SectionName).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            throw new OptionsValidationException(PlaygroundOptions.SectionName, typeof(PlaygroundOptions),
                ["Playground:DataFolder is empty: set it to the folder for the playground's store, e.g. --Playground:DataFolder=data/playground"]);
        }

        var clock = new PlaygroundClock();
        var tokens = new SlackTokens("xoxb-playground-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), SlackTokens.DefaultAppToken);
        var slack = new EmulatedSlack(clock, tokens, DemoWorkspace.TeamId);
        DemoWorkspace.Seed(slack.Workspace);
        slack.RateLimits.Enabled = options.EnforceRateLimits;
        var sandbox = new SandboxAccount(clock);

        var web = builder.Build();
        var playground = new PlaygroundApp(web, slack, sandbox, clock);
        PageEndpoints.Map(web);
        slack.Map(web);
        TimeEndpoints.Map(web, clock, () => { });
        AuditEndpoints.Map(web, () => playground.Store, slack.Workspace);
        web.MapPost("/", (HttpContext context) => SandboxSts.HandleAsync(context, sandbox));
        var iam = new SandboxIam();
        web.MapPost(SandboxIam.Path, iam.HandleAsync);
        web.MapGet("/sandbox/federation", (HttpContext context) => SandboxFederation.Handle(context, sandbox));
        web.MapGet(SandboxConsolePage.BasePath, (HttpContext context) => SandboxConsolePage.Render(context, sandbox, options, null));
        web.MapGet(SandboxConsolePage.BasePath + "s3/buckets/{bucket}", (HttpContext context, string bucket) => SandboxConsolePage.Render(context, sandbox, options, bucket));
        await web.StartAsync(cancellationToken);
        slack.Root = PublicRoot(web.Urls.First());

        await playground.StartHostAsync(options, hostOptions, cancellationToken);
        return playground;
    }

    private async Task StartHostAsync(PlaygroundOptions options, PlaygroundHostOptions hostOptions, CancellationToken cancellationToken)
    {
        var dataDir = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(dataDir);
        var database = Path.Combine(dataDir, "slackjit.db");
        if (options.ResetOnStart)
        {
            foreach (var file in Directory.GetFiles(dataDir, "slackjit.db*"))
            {
                File.Delete(file);
            }
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var root = Root.AbsoluteUri;
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["contentRoot"] = dataDir,
            ["environment"] = "Playground",
            // Its settings come from this command line only: nothing to watch for changes.
            ["hostBuilder:reloadConfigOnChange"] = "false",
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:BotToken"] = Slack.Tokens.BotToken,
            ["Slack:SigningSecret"] = secret,
            ["Slack:ApproverChannel"] = DemoWorkspace.Approvals,
            ["Aws:RoleArn"] = SandboxAccount.RoleArn,
            ["Aws:SigninUrl"] = root + "sandbox/federation",
            ["Aws:ConsoleUrl"] = root + "sandbox/console/",
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = database,
            ["Lifecycle:SweepInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = hostOptions.QuietHost ? "None" : "Warning",
            ["Logging:LogLevel:SlackJit"] = hostOptions.QuietHost ? "None" : "Information",
        };
        foreach (var (key, value) in Web.Configuration.GetSection("SlackJit").AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                settings[key] = value;
            }
        }
        foreach (var (key, value) in hostOptions.HostSettings)
        {
            settings[key] = value;
        }
        if (hostOptions.AwsFromEnvironment)
        {
            // The AWS SDK's own conventions, as an operator would set them (sandbox keys, not real ones).
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", root);
            // Early revocation's IAM calls go to the sandbox IAM, never to AWS.
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_IAM", root.TrimEnd('/') + SandboxIam.Path);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SandboxAccount.BotAccessKeyId);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SandboxAccount.BotSecretAccessKey);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_REGION", SandboxAccount.Region);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        }
        var args = settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"--{s.Key}={s.Value}")).ToArray();
        Host = Program.CreateApp(args, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            if (!hostOptions.AwsFromEnvironment)
            {
                builder.Services.AddSingleton<IAmazonSecurityTokenService>(_ => SandboxStsClient(root));
            }
        });
        await Host.StartAsync(cancellationToken);
        Slack.App.SigningSecret = secret;
        Slack.App.AppBase = new Uri(Host.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>The AWS SDK's STS client with the endpoint and keys the environment would give it.</summary>
    public static AmazonSecurityTokenServiceClient SandboxStsClient(string endpoint) => new(
        new BasicAWSCredentials(SandboxAccount.BotAccessKeyId, SandboxAccount.BotSecretAccessKey),
        new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint, AuthenticationRegion = SandboxAccount.Region, MaxErrorRetry = 3 });

    // A wildcard listen address is not one a browser can open: show it as localhost.
    private static Uri PublicRoot(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }
        uri.Path = "/";
        return uri.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.StopAsync();
            await Host.DisposeAsync();
        }
        await Web.StopAsync();
        await Web.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
