namespace SlackJit.Hosting;

/// <summary>A start-up check found something an operator must fix; the message is shown as one line.</summary>
public sealed class StartupCheckException(string message) : Exception(message);
