namespace SlackJit.Slack.Transport;

/// <summary>The <c>{"id": …}</c> objects Slack nests for users, teams and channels; names are ignored on purpose.</summary>
internal sealed record SlackIdRef(string Id);
