namespace SlackJit.Slack.Blocks;

/// <summary>A button for <see cref="BlockJson.Actions"/>: the arguments of <see cref="Element.Button"/> without a URL.</summary>
public readonly record struct ButtonJson(
    string ActionId,
    string Text,
    string? Value = null,
    ButtonStyle Style = ButtonStyle.Default,
    ConfirmDialog? Confirm = null);
