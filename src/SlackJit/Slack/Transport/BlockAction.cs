namespace SlackJit.Slack.Transport;

/// <summary>One element interaction inside a <c>block_actions</c> payload.</summary>
internal sealed record BlockAction(
    string ActionId,
    string? BlockId = null,
    string? Value = null,
    string? ActionTs = null,
    string? Type = null,
    SlackSelectedOption? SelectedOption = null);
