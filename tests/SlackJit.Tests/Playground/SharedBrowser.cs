using Microsoft.Playwright;

namespace SlackJit.Tests.Playground;

/// <summary>
/// One Chromium for the whole test run, shared by every browser test class (each class runs in parallel with the
/// others; each test gets its own context and its own playground). Debian's Chromium is launched by path, since no
/// browser download is possible: <c>apt-get install chromium</c> (CI's <c>.ci/run</c> does it).
/// </summary>
public static class SharedBrowser
{
    public const string DefaultExecutable = "/usr/bin/chromium";
    public const string ExecutableVariable = "SLACKJIT_CHROMIUM";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            var executable = Environment.GetEnvironmentVariable(ExecutableVariable) ?? DefaultExecutable;
            if (!File.Exists(executable))
            {
                throw new InvalidOperationException(
                    $"The browser tests need Chromium at {executable}: install it with `apt-get install chromium` (or set {ExecutableVariable}).");
            }
            _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
            // A busy CI machine runs a thousand other tests beside these: wait for what the page shows, generously.
            Assertions.SetDefaultExpectTimeout(15_000);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _playwright?.Dispose();
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }
}
