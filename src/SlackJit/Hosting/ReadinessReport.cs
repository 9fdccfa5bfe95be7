using SlackJit.Storage;

namespace SlackJit.Hosting;

/// <summary>
/// Writes what <c>/readyz</c> does not say to the log: the store's reason when it is not ready, and the warnings
/// (a channel id, a setting). The endpoint answers only <c>ready</c> or <c>not ready</c>, since anyone who can reach it
/// could read more. Each state is logged once, when it changes, so a probe every few seconds does not flood the log.
/// </summary>
internal sealed class ReadinessReport(ILogger<ReadinessReport> logger)
{
    private readonly Lock _gate = new();
    private string? _lastReason;
    private HashSet<string> _lastWarnings = new(StringComparer.Ordinal);

    public void Observe(StoreReadinessResult result, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(warnings);
        lock (_gate)
        {
            var reason = result.IsReady ? null : (string.IsNullOrWhiteSpace(result.Reason) ? "the store does not answer" : result.Reason);
            if (reason != _lastReason)
            {
                if (reason is null)
                {
                    HostingLog.ReadyAgain(logger);
                }
                else
                {
                    HostingLog.NotReady(logger, reason);
                }

                _lastReason = reason;
            }

            foreach (var warning in warnings.Where(w => !_lastWarnings.Contains(w)))
            {
                HostingLog.Warning(logger, warning);
            }

            _lastWarnings = new HashSet<string>(warnings, StringComparer.Ordinal);
        }
    }
}
