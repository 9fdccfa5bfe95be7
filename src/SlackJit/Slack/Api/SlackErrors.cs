namespace SlackJit.Slack.Api;

/// <summary>
/// Error codes on <see cref="SlackApiException.Error"/>: Slack's own (from <c>ok:false</c>) and a few of ours for
/// failures that never reached an answer from Slack.
/// </summary>
public static class SlackErrors
{
    // Slack's codes worth handling by name (docs/SLACK-PLATFORM.md).
    public const string ChannelNotFound = "channel_not_found";
    public const string NotInChannel = "not_in_channel";
    public const string InvalidAuth = "invalid_auth";
    public const string NotAuthed = "not_authed";
    public const string AccountInactive = "account_inactive";
    public const string TokenRevoked = "token_revoked";
    public const string MissingScope = "missing_scope";
    public const string RateLimited = "ratelimited";
    public const string MessageNotFound = "message_not_found";
    public const string CantUpdateMessage = "cant_update_message";
    public const string CantDeleteMessage = "cant_delete_message";
    public const string IsArchived = "is_archived";
    public const string TriggerExpired = "expired_trigger_id";
    public const string TriggerExchanged = "exchanged_trigger_id";
    public const string PlanUpgradeRequired = "plan_upgrade_required";
    public const string UserNotFound = "user_not_found";
    public const string NoSuchSubteam = "no_such_subteam";
    public const string InvalidBlocks = "invalid_blocks";
    public const string MsgTooLong = "msg_too_long";
    public const string NoText = "no_text";
    public const string InvalidArguments = "invalid_arguments";

    // Ours: no usable answer from Slack.
    /// <summary>The attempt or total timeout ran out.</summary>
    public const string Timeout = "slackjit_timeout";

    /// <summary>Could not connect or the connection broke.</summary>
    public const string NetworkError = "slackjit_network_error";

    /// <summary>A non-JSON or malformed answer.</summary>
    public const string InvalidResponse = "slackjit_invalid_response";

    /// <summary>A response_url that is not Slack's (or the configured API host's): nothing was sent.</summary>
    public const string InvalidResponseUrl = "slackjit_invalid_response_url";

    /// <summary>An HTTP error status without a Slack error code, e.g. <c>slackjit_http_503</c>.</summary>
    public static string HttpStatus(int status) => $"slackjit_http_{status}";

    /// <summary>The token itself is bad: retrying or continuing cannot help.</summary>
    public static bool IsAuthFailure(string error) =>
        error is InvalidAuth or NotAuthed or TokenRevoked or AccountInactive;
}
