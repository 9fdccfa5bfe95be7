using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>
/// Keeps everything a log line carries, at every level and for every category: the category, the formatted message,
/// each structured state value, the exception's full text, and the values of active scopes. A secret search over
/// <see cref="Entries"/> then sees what any real sink could have written.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { formatter(state, exception), state?.ToString() ?? "" };
            parts.AddRange(Values(state));
            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString() ?? "");
                list.AddRange(Values(scope));
            }, parts);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, string.Join("\n", parts), exception?.ToString()));
        }

        private static IEnumerable<string> Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}")
                : [];
    }
}

/// <param name="Text">The message, the state's own text, each state value and the scopes' values.</param>
/// <param name="Exception">The exception's <c>ToString()</c>: type, message, inner exceptions and stack.</param>
internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Text, string? Exception)
{
    public string All => Category + "\n" + Text + "\n" + Exception;
}
