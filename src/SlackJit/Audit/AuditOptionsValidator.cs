using Microsoft.Extensions.Options;

namespace SlackJit.Audit;

/// <summary>Checks the <c>Audit</c> section at start-up; one line naming the key.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.ReportChannel is { } channel && (channel.Length < 2 || channel[0] is not ('C' or 'G') || !channel.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))))
        {
            failures.Add($"{AuditOptions.SectionName}:ReportChannel '{channel}' is not a channel ID: use the C… or G… ID from the channel's details, or remove it to post no report.");
        }
        if (options.ReportEvery < AuditOptions.MinReportEvery || options.ReportEvery > AuditOptions.MaxReportEvery)
        {
            failures.Add($"{AuditOptions.SectionName}:ReportEvery must be between {AuditOptions.MinReportEvery} and {AuditOptions.MaxReportEvery}, not {options.ReportEvery}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
