namespace SlackJit.Hosting;

/// <summary>
/// A start-up check found something the operator must fix (e.g. Slack rejected the bot token). The host prints
/// the message as one line and exits with 1; the message must say what to set and never contain a secret.
/// </summary>
public sealed class StartupCheckException(string message) : Exception(message);
