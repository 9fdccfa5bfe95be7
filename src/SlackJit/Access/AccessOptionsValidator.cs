using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SlackJit.Access;

/// <summary>
/// Checks the catalog at start-up: every failure names its key and says what to set, so a bad catalog
/// never serves. An empty catalog is an error too: every request would be refused.
/// </summary>
public sealed partial class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    private const string Section = AccessOptions.SectionName;
    private static readonly TimeSpan MinPendingTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxPendingTimeout = TimeSpan.FromDays(7);
    private static readonly TimeSpan MinRetention = TimeSpan.FromDays(1);

    public const string EmptyCatalog =
        $"{Section}:Resources is empty, so every request would be refused: add at least one entry, e.g. " +
        "Access__Resources__0__Name=analytics, Access__Resources__0__Bucket=analytics-prod, Access__Resources__0__Approvers__0=U0123ABCD " +
        "(or an appsettings.Production.json holding the catalog)";

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        InRange(failures, $"{Section}:PendingTimeout", options.PendingTimeout, MinPendingTimeout, MaxPendingTimeout);
        InRange(failures, $"{Section}:DefaultDuration", options.DefaultDuration, AccessOptions.MinDuration, AccessOptions.MaxDurationCeiling);
        if (options.MaxPendingPerRequester < 1)
        {
            failures.Add($"{Section}:MaxPendingPerRequester {options.MaxPendingPerRequester} must be at least 1.");
        }

        if (options.MaxRequestsPerHour < 1)
        {
            failures.Add($"{Section}:MaxRequestsPerHour {options.MaxRequestsPerHour} must be at least 1.");
        }

        if (options.Retention < MinRetention)
        {
            failures.Add($"{Section}:Retention {options.Retention} must be at least {MinRetention}.");
        }

        if (options.Resources.Count == 0)
        {
            failures.Add(EmptyCatalog);
        }

        ValidateReminders(failures, options);
        ValidateBreakGlass(failures, options);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new HashSet<(string, string)>();
        for (var i = 0; i < options.Resources.Count; i++)
        {
            var key = $"{Section}:Resources[{i}]";
            var resource = options.Resources[i];
            if (resource is null)
            {
                failures.Add($"{key} is empty; remove it or fill in Name, Bucket and Approvers.");
                continue;
            }

            ValidateResource(failures, key, resource);
            ValidateEscalation(failures, key, resource, options.PendingTimeout);
            if (!string.IsNullOrWhiteSpace(resource.Name) && !names.Add(resource.Name))
            {
                failures.Add($"{key}.Name \"{resource.Name}\" is used by another resource; names must be unique.");
            }

            if (!targets.Add((resource.Bucket, resource.Prefix ?? "")))
            {
                failures.Add($"{key} repeats bucket \"{resource.Bucket}\" with prefix \"{resource.Prefix}\"; each bucket/prefix may appear once.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResource(List<string> failures, string key, ResourceOptions resource)
    {
        if (string.IsNullOrWhiteSpace(resource.Name))
        {
            failures.Add($"{key}.Name is required: a short name people see, e.g. \"analytics\".");
        }
        else if (resource.Name.Length > 64 || resource.Name.Any(char.IsControl))
        {
            failures.Add($"{key}.Name \"{InputText.Clip(resource.Name)}\" must be at most 64 printable characters.");
        }

        if (!BucketRules.IsValid(resource.Bucket))
        {
            failures.Add($"{key}.Bucket \"{InputText.Clip(resource.Bucket ?? "")}\" is not a valid S3 bucket name ({BucketRules.Description}).");
        }

        if (resource.Prefix is null)
        {
            failures.Add($"{key}.Prefix must be a string; use \"\" for the whole bucket.");
        }
        else if (PrefixRules.Problem(resource.Prefix) is { } problem)
        {
            failures.Add($"{key}.Prefix \"{InputText.Clip(resource.Prefix)}\" {problem}.");
        }
        else if (resource.Prefix.Length > 0 && !resource.Prefix.EndsWith('/'))
        {
            // "team-a" would also grant "team-a-secrets/": entries are folders.
            failures.Add($"{key}.Prefix \"{InputText.Clip(resource.Prefix)}\" must end with / (a folder, e.g. \"{InputText.Clip(resource.Prefix)}/\") or be \"\" for the whole bucket.");
        }

        EntryConditionsValidator.Validate(failures, key, resource);
        InRange(failures, $"{key}.MaxDuration", resource.MaxDuration, AccessOptions.MinDuration, AccessOptions.MaxDurationCeiling);
        ValidateApprovers(failures, key, resource);

        if (resource.ApproverChannel is { } channel && !ChannelId().IsMatch(channel))
        {
            failures.Add($"{key}.ApproverChannel \"{InputText.Clip(channel)}\" is not a Slack channel ID (C… or G…; not a #name).");
        }

        if (resource.RoleArn is { } role && !RoleArn().IsMatch(role))
        {
            failures.Add($"{key}.RoleArn \"{InputText.Clip(role, 200)}\" is not an IAM role ARN (arn:aws:iam::123456789012:role/name).");
        }

        if (resource.KmsKeyArn is { } kms && !KmsKeyArn().IsMatch(kms))
        {
            failures.Add($"{key}.KmsKeyArn \"{InputText.Clip(kms, 200)}\" is not a KMS key ARN (arn:aws:kms:region:123456789012:key/id; an alias ARN does not work in a policy).");
        }
    }

    private static void ValidateReminders(List<string> failures, AccessOptions options)
    {
        var key = $"{Section}:{ReminderOptions.SectionName}";
        if (options.Reminders is not { } reminders)
        {
            return;
        }
        if (reminders.Interval < TimeSpan.Zero)
        {
            failures.Add($"{key}:Interval {reminders.Interval} must not be negative; use 00:00:00 to turn reminders off.");
        }
        if (reminders.Max < 0 || reminders.Max > ReminderOptions.MaxCeiling)
        {
            failures.Add($"{key}:Max {reminders.Max} must be between 0 and {ReminderOptions.MaxCeiling}.");
        }
    }

    private static void ValidateBreakGlass(List<string> failures, AccessOptions options)
    {
        var key = $"{Section}:{BreakGlassOptions.SectionName}";
        if (options.BreakGlass is not { } breakGlass)
        {
            // Bound once at start-up and never null afterwards: the rest of the app reads it as it is.
            failures.Add($"{key} must be a section (ReviewWithin, MaxDuration) or left out for the defaults, not null.");
            return;
        }
        if (breakGlass.ReviewWithin <= TimeSpan.Zero || breakGlass.ReviewWithin > BreakGlassOptions.MaxReviewWithin)
        {
            failures.Add($"{key}:ReviewWithin {breakGlass.ReviewWithin} must be more than 0 and at most {BreakGlassOptions.MaxReviewWithin}.");
        }
        else if (options.Retention >= MinRetention && breakGlass.ReviewWithin > options.Retention)
        {
            // An invalid Retention is reported on its own line.
            failures.Add($"{key}:ReviewWithin {breakGlass.ReviewWithin} must not be longer than {Section}:Retention ({options.Retention}), or a grant could be deleted before its review.");
        }
        InRange(failures, $"{key}:MaxDuration", breakGlass.MaxDuration, AccessOptions.MinDuration, AccessOptions.MaxDurationCeiling);
    }

    private static void ValidateEscalation(List<string> failures, string key, ResourceOptions resource, TimeSpan pendingTimeout)
    {
        var approvers = resource.EscalationApprovers ?? [];
        for (var j = 0; j < approvers.Count; j++)
        {
            if (approvers[j] is not { } id || !ApproverId().IsMatch(id))
            {
                failures.Add($"{key}.EscalationApprovers[{j}] \"{InputText.Clip(approvers[j] ?? "")}\" is not a Slack user ID (U…, W…) or user group ID (S…).");
            }
        }

        if (resource.EscalateAfter is { } after)
        {
            if (approvers.Count == 0)
            {
                failures.Add($"{key}.EscalateAfter is set but {key}.EscalationApprovers is empty: name who the request escalates to.");
            }
            if (after <= TimeSpan.Zero || after >= pendingTimeout)
            {
                failures.Add($"{key}.EscalateAfter {after} must be more than 0 and less than {Section}:PendingTimeout ({pendingTimeout}), or requests time out first.");
            }
        }
        else if (approvers.Count > 0)
        {
            failures.Add($"{key}.EscalationApprovers is set but {key}.EscalateAfter is not: say how long a request waits before it escalates, e.g. \"00:30:00\".");
        }

        if (resource.EscalationChannel is { } channel && !ChannelId().IsMatch(channel))
        {
            failures.Add($"{key}.EscalationChannel \"{InputText.Clip(channel)}\" is not a Slack channel ID (C… or G…; not a #name).");
        }
    }

    private static void ValidateApprovers(List<string> failures, string key, ResourceOptions resource)
    {
        var approvers = resource.Approvers ?? [];
        if (approvers.Count == 0)
        {
            failures.Add($"{key}.Approvers is empty: list at least one Slack user ID (U…, W…) or user group ID (S…).");
        }

        for (var j = 0; j < approvers.Count; j++)
        {
            if (approvers[j] is not { } id || !ApproverId().IsMatch(id))
            {
                failures.Add($"{key}.Approvers[{j}] \"{InputText.Clip(approvers[j] ?? "")}\" is not a Slack user ID (U…, W…) or user group ID (S…).");
            }
        }

        if (resource.RequiredApprovals < 1)
        {
            failures.Add($"{key}.RequiredApprovals {resource.RequiredApprovals} must be at least 1.");
        }

        // With groups the pool of approvers is only known at run time; with users only it is known now.
        var allUsers = approvers.Count > 0 && approvers.All(a => a is not null && a.Length > 0 && a[0] is 'U' or 'W');
        var users = approvers.Distinct(StringComparer.Ordinal).Count();
        if (allUsers && resource.RequiredApprovals > users)
        {
            failures.Add($"{key}.RequiredApprovals {resource.RequiredApprovals} is more than the {users} distinct approvers listed; nobody could ever approve.");
        }
    }

    private static void InRange(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} {value} must be between {min} and {max}.");
        }
    }

    [GeneratedRegex("^[UWS][A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApproverId();

    [GeneratedRegex("^[CG][A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();

    [GeneratedRegex(@"^arn:(aws|aws-us-gov|aws-cn):iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^arn:(aws|aws-us-gov|aws-cn):kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyArn();
}
