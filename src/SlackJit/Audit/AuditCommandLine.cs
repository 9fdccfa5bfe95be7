using System.CommandLine;
using System.Text;
using SlackJit.Storage;

namespace SlackJit.Audit;

/// <summary>
/// <c>slackjit audit export|report</c>: reads the configured store without starting the web host. Bad input gets one
/// line on stderr and exit code 2; a store that cannot be read, one line and exit code 1. The output holds ids,
/// names, times and reasons only: the store never holds a credential or a sign-in link.
/// </summary>
internal static class AuditCommandLine
{
    public const string Verb = "audit";
    public const int BadInput = 2;
    public const int StoreFailed = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>True when the process was started as <c>audit …</c> rather than as the web app.</summary>
    public static bool IsAudit(string[] args) => args.Length > 0 && args[0] == Verb;

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, Console.OpenStandardOutput(), Console.Error, configure: null, settings: null, cancellationToken);

    /// <param name="args">Starting with <c>audit</c>.</param>
    /// <param name="configure">Tests replace services here (e.g. a DynamoDB client pointed at a local server).</param>
    /// <param name="settings">Tests add settings here; the app reads only its usual sources.</param>
    public static async Task<int> RunAsync(
        string[] args, Stream output, TextWriter error, Action<IServiceCollection>? configure,
        IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd, UTC) or instant (ISO 8601 with offset).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, included (yyyy-MM-dd, UTC), or an instant, excluded.", Required = true };
        var resource = new Option<string?>("--resource") { Description = "Only this catalog entry." };
        var requester = new Option<string?>("--requester") { Description = "Only this Slack user ID (U…)." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };

        var export = new Command("export", "Every request of the period: CSV (one row each) or JSON (with its audit trail).") { from, to, resource, requester, format };
        var report = new Command("report", "A Markdown summary for an auditor.") { from, to, resource, requester };
        var root = new RootCommand("SlackJit audit commands.");
        var audit = new Command(Verb, "Read the audit trail across requests.") { export, report };
        root.Subcommands.Add(audit);

        var parsed = root.Parse(args);
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            await using var help = new StreamWriter(output, Utf8, leaveOpen: true);
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = help, Error = error }, cancellationToken);
        }
        if (parsed.Errors.Count > 0)
        {
            return Refuse(error, parsed.Errors[0].Message + " (see `audit export --help`)");
        }
        if (parsed.CommandResult.Command != export && parsed.CommandResult.Command != report)
        {
            return Refuse(error, "name a command: `audit export` or `audit report`.");
        }

        var query = Query(parsed.GetValue(from)!, parsed.GetValue(to)!, parsed.GetValue(resource), parsed.GetValue(requester), out var problem);
        string kind = parsed.CommandResult.Command == report ? "report" : parsed.GetValue(format)!.ToLowerInvariant();
        if (problem is null && kind is not ("csv" or "json" or "report"))
        {
            problem = $"unknown --format '{parsed.GetValue(format)}': use csv or json.";
        }
        if (problem is not null)
        {
            return Refuse(error, problem);
        }

        using var host = AuditStoreHost.Build(configure, settings);
        if (AuditStoreHost.Check(host.Services) is { } storeProblem)
        {
            await error.WriteLineAsync("audit: " + storeProblem);
            return StoreFailed;
        }
        var history = host.Services.GetRequiredService<IRequestHistory>();
        var records = AuditReader.ReadAsync(history, query!, cancellationToken);
        try
        {
            switch (kind)
            {
                case "csv":
                    await AuditExport.WriteCsvAsync(records, output, cancellationToken);
                    break;
                case "json":
                    await AuditExport.WriteJsonAsync(records, output, cancellationToken);
                    break;
                default:
                    await AuditExport.WriteReportAsync(records, query!, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), output, cancellationToken);
                    break;
            }
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync("audit: cannot read the store: " + ex.Message);
            return StoreFailed;
        }
        return 0;
    }

    private static AuditQuery? Query(string fromText, string toText, string? resource, string? requester, out string? problem)
    {
        problem = null;
        if (!AuditDates.TryParseStart(fromText, out var from))
        {
            problem = $"--from '{fromText}' is not a date: use yyyy-MM-dd (UTC) or an ISO 8601 instant with its offset.";
            return null;
        }
        if (!AuditDates.TryParseEnd(toText, out var to))
        {
            problem = $"--to '{toText}' is not a date: use yyyy-MM-dd (UTC) or an ISO 8601 instant with its offset.";
            return null;
        }
        if (from >= to)
        {
            problem = $"--from {fromText} is after --to {toText}: the period is empty.";
            return null;
        }
        if (requester is not null && !requester.All(char.IsAsciiLetterOrDigit))
        {
            problem = $"--requester '{requester}' is not a Slack user ID (U… or W…).";
            return null;
        }
        return new AuditQuery(from, to, string.IsNullOrWhiteSpace(resource) ? null : resource.Trim(), requester);
    }

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine("audit: " + problem);
        return BadInput;
    }
}
