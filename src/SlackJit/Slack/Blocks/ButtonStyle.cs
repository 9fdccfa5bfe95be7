namespace SlackJit.Slack.Blocks;

/// <summary>Button colour; Slack's default is grey.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
