namespace SlackJit.Slack.Transport;

/// <summary>The chosen entry of a select menu; only its value is trusted, never its display text.</summary>
internal sealed record SlackSelectedOption(string? Value = null);
