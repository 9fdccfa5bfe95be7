using SlackJit.Access;

namespace SlackJit.Grants;

/// <summary>
/// One attempt to take the credentials out of a grant's DM (<see cref="DmScrubber"/>). <see cref="State"/> is null when
/// the request never had a DM; <see cref="Error"/> says what Slack refused (<c>method: code</c>) when it failed.
/// </summary>
internal sealed record DmScrub(DmCleanupState? State, string? Error)
{
    public static readonly DmScrub NoDm = new(null, null);

    /// <summary>True when no secret is left there as far as Slack confirmed: edited, deleted, missing, or never posted.</summary>
    public bool Cleaned => State != DmCleanupState.Failing;

    public static DmScrub Done(DmCleanupState state) => new(state, null);

    public static DmScrub Failed(string error) => new(DmCleanupState.Failing, error);
}
