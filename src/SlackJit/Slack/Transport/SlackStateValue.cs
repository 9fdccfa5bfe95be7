namespace SlackJit.Slack.Transport;

/// <summary>One input's state in a view: text inputs carry <c>value</c>, selects <c>selected_option</c>.</summary>
internal sealed record SlackStateValue(string? Type = null, string? Value = null, SlackSelectedOption? SelectedOption = null)
{
    /// <summary>What the user entered or picked, whichever the element kind carries.</summary>
    public string? Effective => Value ?? SelectedOption?.Value;
}
