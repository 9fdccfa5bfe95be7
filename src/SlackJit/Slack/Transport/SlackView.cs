namespace SlackJit.Slack.Transport;

/// <summary>The modal in a view submission or close; <c>private_metadata</c> is ours, round-tripped by Slack.</summary>
internal sealed record SlackView(
    string Id,
    string? CallbackId = null,
    string? PrivateMetadata = null,
    string? Hash = null,
    SlackViewState? State = null);
