namespace SlackJit.Access;

/// <summary>
/// What became of the requester's DM when the grant ended (docs/REVOCATION.md, "The DM clean-up"). Only
/// <see cref="DmCleanupState.Edited"/> and <see cref="DmCleanupState.Deleted"/> mean Slack confirmed the secrets are gone;
/// <see cref="DmCleanupState.Failing"/> means the DM may still show them. Fixed size: a clean-up that keeps failing
/// raises <see cref="FailedAttempts"/> and replaces <see cref="LastError"/>, it never adds to a list.
/// </summary>
/// <param name="State">Where the clean-up stands.</param>
/// <param name="FailedAttempts">Clean-up attempts Slack refused so far (each an edit, and maybe a delete after it).</param>
/// <param name="LastError">The last refusal as <c>method: code</c> (e.g. <c>chat.update: cant_update_message</c>); never a secret.</param>
/// <param name="At">When the last attempt ended.</param>
public sealed record DmCleanup(DmCleanupState State, int FailedAttempts, string? LastError, DateTimeOffset At)
{
    /// <summary>True while the DM may still show credentials.</summary>
    public bool IsFailing => State == DmCleanupState.Failing;

    /// <summary>The Slack error code of <see cref="LastError"/> (after the method), for a reference people can quote.</summary>
    public string? LastCode => LastError is null ? null : CodeOf(LastError);

    /// <summary>The code at the end of a <c>method: code</c> error text.</summary>
    public static string CodeOf(string? error) => string.IsNullOrEmpty(error) ? "unknown" : error[(error.LastIndexOf(' ') + 1)..];
}
