using Microsoft.Playwright;
using SlackJit.Playground;
using SlackJit.Storage;
using static Microsoft.Playwright.Assertions;

namespace SlackJit.Tests.Playground;

/// <summary>
/// One playground (its own ports, store folder and clock) and one browser page on it, with the steps a person
/// takes: act as someone, open a channel, type in the composer, click a button of a message. Saves a screenshot per
/// step it is asked to, under <c>playground-screenshots/</c> next to the test binaries.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "playground-screenshots");

    private readonly string _dataDir;

    private PlaygroundSession(PlaygroundApp app, IBrowserContext context, IPage page, string dataDir)
    {
        App = app;
        Context = context;
        Page = page;
        _dataDir = dataDir;
    }

    public PlaygroundApp App { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IAccessRequestStore Store => App.Store!;

    public static async Task<PlaygroundSession> StartAsync(string actingAs = DemoWorkspace.Requester, string channel = DemoWorkspace.General)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "slackjit-playground-" + Guid.NewGuid().ToString("N"));
        var app = await PlaygroundApp.StartAsync(
            ["--urls=http://127.0.0.1:0", $"--Playground:DataFolder={dataDir}"],
            new PlaygroundHostOptions { AwsFromEnvironment = false, QuietHost = true });
        var browser = await SharedBrowser.GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Root, $"?as={actingAs}&channel={channel}").AbsoluteUri);
        await Expect(page.Locator("body[data-live=true]")).ToHaveCountAsync(1);
        return new PlaygroundSession(app, context, page, dataDir);
    }

    public async Task ActAsAsync(string userId)
    {
        await Page.GetByTestId("persona").SelectOptionAsync(userId);
        await Expect(Page.Locator("#me")).ToContainTextAsync(App.Slack.Workspace.User(userId)!.RealName);
    }

    public Task OpenChannelAsync(string name) => Page.GetByTestId("channel-" + name).ClickAsync();

    public async Task OpenDmAsync()
    {
        await Page.GetByTestId("dm-slackjit").ClickAsync();
        await Expect(Page.GetByTestId("channel-title")).ToHaveTextAsync("SlackJit");
    }

    public async Task TypeAsync(string text)
    {
        await Page.GetByTestId("composer").FillAsync(text);
        await Page.GetByTestId("composer").PressAsync("Enter");
    }

    /// <summary>The last message in the open channel containing <paramref name="text"/>.</summary>
    public ILocator Message(string text) => Page.Locator("[data-testid=message], [data-testid=ephemeral]").Filter(new() { HasText = text }).Last;

    public ILocator Ephemeral(string text) => Page.GetByTestId("ephemeral").Filter(new() { HasText = text }).Last;

    public ILocator Button(ILocator message, string label) => message.Locator(".bk-button").Filter(new() { HasText = label });

    public async Task AdvanceClockAsync(int minutes)
    {
        await Page.GetByTestId(minutes == 15 ? "advance-15" : "advance-60").ClickAsync();
    }

    public async Task ScreenshotAsync(string name, IPage? page = null)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
