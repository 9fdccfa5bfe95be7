namespace SlackJit.Slack.Blocks;

/// <summary>
/// Values that Slack sends back to us (action_id, block_id, button values, metadata) are never truncated:
/// a shortened one would route or decode wrongly, so an over-long one is our bug and throws.
/// </summary>
internal static class Ids
{
    public static string Check(string value, int max, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, what);
        if (value.Length > max)
        {
            throw new ArgumentException($"Slack {what} is {value.Length} characters; the limit is {max}.", what);
        }
        return value;
    }

    public static string? CheckOptional(string? value, int max, string what) =>
        value is null ? null : Check(value, max, what);
}
