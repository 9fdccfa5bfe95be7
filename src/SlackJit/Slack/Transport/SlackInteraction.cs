namespace SlackJit.Slack.Transport;

/// <summary>A parsed interactivity payload: <see cref="BlockActionsPayload"/>, <see cref="ViewSubmissionPayload"/> or <see cref="ViewClosedPayload"/>.</summary>
internal abstract record SlackInteraction
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";
    public const string ViewClosed = "view_closed";
}
