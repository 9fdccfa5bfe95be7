using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Slack.Api;

namespace SlackJit.Grants.Extensions;

/// <summary>
/// Fresh credentials for an approved extension, into the same DM, through the credential delivery step issuing and
/// renewing share; the grant's window end moves with <see cref="Transitions.Extend"/>. Due at once after the approval,
/// so if the work queue drops it or a process dies, the sweeper does it.
/// </summary>
internal sealed class GrantExtension(CredentialDelivery delivery, ISlackApi slack, TimeProvider time, ILogger<GrantExtension> logger)
{
    /// <summary>True when the extended grant was recorded.</summary>
    public async Task<bool> ReissueAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        if (!Transitions.NeedsExtendedCredentials(request) || AccessRequests.WindowEnd(request) is not { } end)
        {
            return false;
        }

        if (await delivery.MintAsync(request, end, cancellationToken) is not IssueOutcome.Issued issued)
        {
            GrantExtensionLog.NotExtended(logger, request.Id, "sts");
            return false;
        }

        try
        {
            var delivered = await delivery.RedeliverAsync(
                request, issued, end, (current, grant) => Transitions.Extend(current, grant, time.GetUtcNow()), cancellationToken);
            if (delivered is not { Status: DeliveryStatus.Recorded })
            {
                return false;
            }
            GrantExtensionLog.Extended(logger, request.Id, issued.Credentials.AccessKeyId, end);
            await ShowOnCardAsync(delivered.Request, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            GrantExtensionLog.NotExtended(logger, request.Id, "slack:" + ex.Error);
            return false;
        }
    }

    // The extension card says until when access now lasts; best effort (the DM already shows it).
    private async Task ShowOnCardAsync(AccessRequest extended, CancellationToken cancellationToken)
    {
        if (extended.Extension is not { CardChannel: { } channel, CardTs: { } ts })
        {
            return;
        }
        try
        {
            await slack.UpdateMessageAsync(new SlackMessageRef(channel, ts), Cards.ExtensionCard.Build(extended, time.GetUtcNow()), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            GrantExtensionLog.NotExtended(logger, extended.Id, "card:" + ex.Error);
        }
    }
}
