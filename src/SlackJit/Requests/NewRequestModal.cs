using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Transport;
using static SlackJit.Requests.RequestsSlackKeys;

namespace SlackJit.Requests;

/// <summary>
/// The request form (<c>/s3-access</c> alone): a catalog entry, an optional prefix inside it, a duration and a
/// reason, and — when some entry allows it — a break-glass checkbox. Reading it back yields the same <see cref="ParsedRequest"/> the command does, so one domain decision
/// judges both; its refusals are shown under the input they are about.
/// </summary>
internal static class NewRequestModal
{
    private static readonly TimeSpan[] StandardDurations =
        [.. new[] { 15, 30, 60, 120, 240, 480, 720 }.Select(m => TimeSpan.FromMinutes(m))];

    public static JsonObject Build(AccessOptions options, Action<int, int>? onTruncated = null)
    {
        var entries = options.Resources.Take(BlockLimits.SelectOptions).ToList();
        if (options.Resources.Count > entries.Count)
        {
            onTruncated?.Invoke(options.Resources.Count, entries.Count);
        }

        var resources = entries.Select(r => new SelectOption(Label(r), r.Name)).ToList();
        var durations = DurationChoices(options).Select(d => new SelectOption(DurationParser.Format(d), DurationParser.Format(d))).ToList();
        var initialDuration = durations.FirstOrDefault(d => d.Value == DurationParser.Format(options.DefaultDuration));

        var blocks = BlockList.ForModal();
        blocks.Add(Block.Input(ResourceBlock, "What", Element.StaticSelect(Value, resources, "Choose a bucket")));
        blocks.Add(Block.Input(
            PrefixBlock, "Prefix inside it", Element.PlainTextInput(Value, "e.g. 2026/03/", maxLength: ResourceOptions.MaxPrefixLength),
            optional: true, hint: "Leave empty for everything the entry covers."));
        blocks.Add(Block.Input(
            DurationBlock, "For how long", Element.StaticSelect(Value, durations, "Duration", initialDuration),
            hint: "Longer than an entry's maximum is refused; the card shows the maximum to approvers."));
        blocks.Add(Block.Input(
            ReasonBlock, "Reason", Element.PlainTextInput(Value, "INC-4211 investigating missing rows", multiline: true, maxLength: AccessPolicy.MaxReasonLength),
            optional: !options.RequireReason, hint: "Approvers see this; a ticket and a few words."));
        if (options.Resources.Exists(r => r.BreakGlass))
        {
            blocks.Add(Block.Input(
                BreakGlassBlock, "Break-glass",
                Element.Checkboxes(Value, [new SelectOption("Issue now, without approval (emergencies only)", BreakGlassValue)]),
                optional: true,
                hint: $"Only for {BreakGlassEntries(options.Resources)}; at most {DurationParser.Format(options.BreakGlass.MaxDuration)}, a reason is required, " +
                      "and the approvers are alerted and must acknowledge it."));
        }
        return Modal.Build(NewRequestCallback, "Request S3 access", blocks, submit: "Request", close: "Cancel");
    }

    /// <summary>Reads a submission: the request to decide, or an error for the block it belongs to.</summary>
    public static (ParsedRequest? Request, IReadOnlyDictionary<string, string>? Errors) Read(SlackViewState? state, AccessOptions options)
    {
        var name = state?.Get(ResourceBlock, Value);
        var resource = options.Resources.FirstOrDefault(r => r.Name == name);
        if (resource is null)
        {
            return (null, new Dictionary<string, string> { [ResourceBlock] = "Choose one of the listed buckets." });
        }

        TimeSpan? duration = null;
        var durationText = state?.Get(DurationBlock, Value);
        if (!string.IsNullOrEmpty(durationText))
        {
            if (!DurationParser.TryParse(durationText, out var parsed))
            {
                return (null, new Dictionary<string, string> { [DurationBlock] = "Choose one of the listed durations." });
            }
            duration = parsed;
        }

        // The prefix is typed inside the entry; someone who types the entry's own prefix again means the same thing.
        var typed = (state?.Get(PrefixBlock, Value) ?? "").Trim();
        var prefix = typed.StartsWith(resource.Prefix, StringComparison.Ordinal) ? typed : resource.Prefix + typed;
        var reason = RequestParser.CleanReason(state?.Get(ReasonBlock, Value));
        var breakGlass = state?.Get(BreakGlassBlock, Value) == BreakGlassValue;
        return (new ParsedRequest(resource.Bucket, prefix, duration, reason, breakGlass), null);
    }

    /// <summary>The input a domain refusal is about; refusals about the person or the limits go under the first input.</summary>
    public static string BlockFor(RefusalReason? reason) => reason switch
    {
        RefusalReason.InvalidPrefix or RefusalReason.PrefixOutsideResource or RefusalReason.PolicyTooLarge => PrefixBlock,
        RefusalReason.DurationTooLong or RefusalReason.DurationTooShort or RefusalReason.BreakGlassTooLong => DurationBlock,
        RefusalReason.ReasonRequired or RefusalReason.ReasonTooLong or RefusalReason.BreakGlassReasonRequired => ReasonBlock,
        RefusalReason.BreakGlassNotAllowed => BreakGlassBlock,
        _ => ResourceBlock,
    };

    private static IEnumerable<TimeSpan> DurationChoices(AccessOptions options)
    {
        var longest = options.Resources.Count == 0 ? options.DefaultDuration : options.Resources.Max(r => r.MaxDuration);
        return StandardDurations
            .Concat(options.Resources.Select(r => r.MaxDuration))
            .Append(options.DefaultDuration)
            .Where(d => d >= AccessOptions.MinDuration && d <= longest)
            .Distinct()
            .Order()
            .Take(BlockLimits.SelectOptions);
    }

    /// <summary>"analytics · analytics-prod/reports/ (max 4h)"; the name once when it is the bucket itself.</summary>
    internal static string Label(ResourceOptions r)
    {
        var target = r.Prefix.Length == 0 ? r.Bucket : $"{r.Bucket}/{r.Prefix}";
        var what = string.Equals(r.Name, target, StringComparison.Ordinal) ? target : $"{r.Name} · {target}";
        return $"{what} (max {DurationParser.Format(r.MaxDuration)})";
    }

    /// <summary>The entries a person may break the glass on, named in the checkbox's hint (the form cannot hide it per entry).</summary>
    internal static string BreakGlassEntries(IEnumerable<ResourceOptions> resources)
    {
        const int Named = 3;
        var names = resources.Where(r => r.BreakGlass).Select(r => r.Name).ToList();
        return names.Count <= Named ? string.Join(", ", names) : $"{string.Join(", ", names.Take(Named))} and {names.Count - Named} more";
    }
}
