namespace SlackJit.Slack.Transport;

/// <summary>The form of a request whose signature has been verified; set by <see cref="SlackRequestFilter"/>.</summary>
internal sealed record SlackFormFeature(IFormCollection Form);
