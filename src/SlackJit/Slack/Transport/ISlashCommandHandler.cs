namespace SlackJit.Slack.Transport;

/// <summary>Answers one slash command. Register with <c>services.AddSlashCommandHandler&lt;T&gt;()</c>.</summary>
/// <remarks>
/// Must answer within Slack's 3 s: the dispatcher stops waiting after
/// <see cref="SlackDispatcher.DefaultHandlerTimeout"/>. Defer slow work (Web API calls, STS) to the background queue.
/// </remarks>
internal interface ISlashCommandHandler
{
    /// <summary>The command with its slash, e.g. <c>/s3-access</c>; matched case-insensitively.</summary>
    string Command { get; }

    Task<SlackResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}
