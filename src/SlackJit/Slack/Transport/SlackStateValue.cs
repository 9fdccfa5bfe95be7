namespace SlackJit.Slack.Transport;

/// <summary>One input's state in a view: text inputs carry <c>value</c>, selects <c>selected_option</c>, checkboxes <c>selected_options</c>.</summary>
internal sealed record SlackStateValue(
    string? Type = null, string? Value = null, SlackSelectedOption? SelectedOption = null, IReadOnlyList<SlackSelectedOption?>? SelectedOptions = null)
{
    /// <summary>What the user entered or picked, whichever the element kind carries (for checkboxes, the first ticked).</summary>
    public string? Effective => Value ?? SelectedOption?.Value ?? SelectedOptions?.FirstOrDefault(o => o?.Value is not null)?.Value;
}
