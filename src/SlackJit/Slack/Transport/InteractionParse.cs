namespace SlackJit.Slack.Transport;

/// <summary>The outcome of reading an interactivity payload; bad input is a value, not an exception.</summary>
internal sealed record InteractionParse
{
    private InteractionParse(SlackInteraction? interaction, string? unknownType, string? error)
    {
        Interaction = interaction;
        UnknownType = unknownType;
        Error = error;
    }

    /// <summary>Set when the payload parsed into a type SlackJit handles.</summary>
    public SlackInteraction? Interaction { get; }

    /// <summary>Set when the payload is well formed but its <c>type</c> is not one SlackJit handles.</summary>
    public string? UnknownType { get; }

    /// <summary>A short reason the payload could not be read; safe to return to the caller.</summary>
    public string? Error { get; }

    public static InteractionParse Parsed(SlackInteraction interaction) => new(interaction, null, null);

    public static InteractionParse Unknown(string type) => new(null, type, null);

    public static InteractionParse Invalid(string error) => new(null, null, error);
}
