
namespace SlackJit.Slack;

/// <summary>The <c>Slack</c> section (docs/CONFIGURATION.md). Secrets come from the environment, never a committed file.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies <c>X-Slack-Signature</c>. Required for HTTP mode.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary><c>xoxb-…</c> bot token. Required.</summary>
    public string BotToken { get; set; } = "";

    /// <summary><c>xapp-…</c> app-level token; when set, Socket Mode runs too.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Web API base. Default <c>https://slack.com/api/</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Channel ID for approval cards; required unless every resource names one.</summary>
    public string ApproverChannel { get; set; } = "";

    /// <summary>Check the bot token with <c>auth.test</c> at start-up. Default true.</summary>
    public bool VerifyTokenOnStart { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Workspaces (<c>T…</c>) besides the bot's own whose commands and clicks are served: the other workspaces of an
    /// Enterprise Grid organization the app is installed in. Empty by default: only the bot's own workspace.
    /// </summary>
    public List<string> AllowedTeamIds { get; set; } = [];

    /// <summary>Per-call timeout for Web API calls. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
