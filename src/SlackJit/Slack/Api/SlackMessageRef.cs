namespace SlackJit.Slack.Api;

/// <summary>Where a posted message lives: Slack's channel id and message timestamp.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);
