using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Api;

/// <summary>Start-up checks of <c>Slack:Retry</c>.</summary>
internal sealed class SlackApiRetryOptionsValidator : IValidateOptions<SlackApiRetryOptions>
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SlackApiRetryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryAttempts is < 0 or > SlackApiRetryOptions.MaxAllowedRetryAttempts)
        {
            failures.Add($"Slack:Retry:MaxRetryAttempts must be 0 to {SlackApiRetryOptions.MaxAllowedRetryAttempts}: set Slack__Retry__MaxRetryAttempts");
        }
        if (options.BaseDelay <= TimeSpan.Zero || options.BaseDelay > MaxWait)
        {
            failures.Add("Slack:Retry:BaseDelay must be above zero and at most 00:05:00: set Slack__Retry__BaseDelay, e.g. 00:00:00.5");
        }
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > MaxWait)
        {
            failures.Add("Slack:Retry:MaxRetryAfter must be 00:00:00 to 00:05:00: set Slack__Retry__MaxRetryAfter, e.g. 00:00:30");
        }
        if (options.TotalTimeout is { } total && (total <= TimeSpan.Zero || total > TimeSpan.FromMinutes(30)))
        {
            failures.Add("Slack:Retry:TotalTimeout must be above zero and at most 00:30:00: set Slack__Retry__TotalTimeout or leave it unset");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
