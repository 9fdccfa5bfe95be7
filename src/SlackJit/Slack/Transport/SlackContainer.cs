namespace SlackJit.Slack.Transport;

/// <summary>Where a block action happened: a message (<c>message_ts</c>, <c>channel_id</c>) or a view (<c>view_id</c>).</summary>
internal sealed record SlackContainer(
    string? Type = null,
    string? MessageTs = null,
    string? ChannelId = null,
    string? ViewId = null,
    bool IsEphemeral = false);
