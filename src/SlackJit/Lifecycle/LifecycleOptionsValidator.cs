using Microsoft.Extensions.Options;

namespace SlackJit.Lifecycle;

/// <summary>Checks the <c>Lifecycle</c> section at start-up; one line per bad key.</summary>
internal sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options)
    {
        var failures = new List<string>();
        Range(failures, "QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        Range(failures, "Workers", options.Workers, 1, 64);
        Range(failures, "SweepPageSize", options.SweepPageSize, 1, 1000);
        Range(failures, "MaxIssueAttempts", options.MaxIssueAttempts, 1, 20);
        Range(failures, "SweepInterval", options.SweepInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, "IssueLease", options.IssueLease, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));
        Range(failures, "IssueRetryDelay", options.IssueRetryDelay, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, "IssueRetryMaxDelay", options.IssueRetryMaxDelay, options.IssueRetryDelay, TimeSpan.FromHours(1));
        Range(failures, "DmCleanupRetryDelay", options.DmCleanupRetryDelay, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, "DmCleanupRetryMaxDelay", options.DmCleanupRetryMaxDelay, options.DmCleanupRetryDelay, TimeSpan.FromDays(1));
        Range(failures, "DmCleanupEditsBeforeDelete", options.DmCleanupEditsBeforeDelete, 1, 20);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{LifecycleOptions.SectionName}:{key} must be between {min} and {max}, not {value}.");
        }
    }
}
