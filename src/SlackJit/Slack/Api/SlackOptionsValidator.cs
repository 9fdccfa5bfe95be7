using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Api;

/// <summary>
/// Start-up checks of the <c>Slack</c> section; each failure names the key and the environment variable to set.
/// <c>ApproverChannel</c> is checked with the catalog (Access), because resources may name their own.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required: set the environment variable Slack__BotToken to your bot token (xoxb-…)");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with xoxb-: set Slack__BotToken to the app's Bot User OAuth Token");
        }

        var hasAppToken = !string.IsNullOrWhiteSpace(options.AppToken);
        if (hasAppToken && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token starting with xapp-: set Slack__AppToken, or leave it empty to use HTTP mode only");
        }
        if (!hasAppToken && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is required: set the environment variable Slack__SigningSecret to your app's signing secret (or set Slack__AppToken to use Socket Mode only)");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var apiBase)
            || (apiBase.Scheme != Uri.UriSchemeHttps && apiBase.Scheme != Uri.UriSchemeHttp)
            || !options.ApiBaseUrl.EndsWith('/'))
        {
            failures.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL ending with '/': set Slack__ApiBaseUrl, e.g. {SlackOptions.DefaultApiBaseUrl}");
        }
        else if (apiBase.Scheme != Uri.UriSchemeHttps && !apiBase.IsLoopback)
        {
            // The bot token travels with every call: in clear text only to this machine (a local stand-in).
            failures.Add($"Slack:ApiBaseUrl must use https (http only for a loopback address such as 127.0.0.1): set Slack__ApiBaseUrl, e.g. {SlackOptions.DefaultApiBaseUrl}");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add("Slack:RequestTimeout must be between 00:00:00.001 and 00:05:00: set Slack__RequestTimeout, e.g. 00:00:10");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
