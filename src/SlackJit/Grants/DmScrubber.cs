using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;

namespace SlackJit.Grants;

/// <summary>
/// Takes the credentials out of a grant's DM (docs/REVOCATION.md, "The DM clean-up"): edits it to the closing notice,
/// and deletes the message instead (<c>chat.delete</c>) when editing can never work or has failed
/// <c>Lifecycle:DmCleanupEditsBeforeDelete</c> times. Only Slack's <c>ok</c> counts: an error is a failure, never
/// "nothing there", except <c>message_not_found</c> from the delete itself.
/// </summary>
internal sealed class DmScrubber(GrantDm dm, IOptions<LifecycleOptions> options, ILogger<DmScrubber> logger)
{
    /// <summary>Errors after which an edit of this message can never succeed: delete it at once.</summary>
    private static readonly HashSet<string> NeverEditable = new(StringComparer.Ordinal)
    {
        SlackErrors.CantUpdateMessage, SlackErrors.IsArchived, SlackErrors.MessageNotFound, SlackErrors.ChannelNotFound,
    };

    public async Task<DmScrub> ScrubAsync(AccessRequest closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        string editError;
        try
        {
            return await dm.ShowClosedAsync(closed, cancellationToken) ? DmScrub.Done(DmCleanupState.Edited) : DmScrub.NoDm;
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, closed.Id, ex.Method, ex.Error);
            editError = ex.Error;
        }

        var failedEdits = (closed.DmCleanup is { IsFailing: true } failing ? failing.FailedAttempts : 0) + 1;
        if (!NeverEditable.Contains(editError) && failedEdits < options.Value.DmCleanupEditsBeforeDelete)
        {
            return DmScrub.Failed($"chat.update: {editError}");
        }

        try
        {
            await dm.DeleteAsync(closed, cancellationToken);
            GrantsLog.DmDeleted(logger, closed.Id, editError);
            return DmScrub.Done(DmCleanupState.Deleted);
        }
        catch (SlackApiException ex) when (ex.Error == SlackErrors.MessageNotFound)
        {
            // Slack says there is no message at that place: nothing there can show a secret.
            GrantsLog.DmMissing(logger, closed.Id);
            return DmScrub.Done(DmCleanupState.Missing);
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, closed.Id, ex.Method, ex.Error);
            return DmScrub.Failed($"chat.update: {editError}, chat.delete: {ex.Error}");
        }
    }
}
