using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack.Api;

namespace SlackJit.Requests;

/// <summary>
/// Opens the request form (<see cref="NewRequestModal"/>): the one way <c>/s3-access</c> alone and the Home's
/// <b>Request access</b> button open it. A trigger id is good for 3 s and once, so callers open the form before anything
/// else and leave every other Slack call (a note that it failed) for after the ack.
/// </summary>
internal sealed class RequestForm(ISlackApi slack, IOptions<AccessOptions> access, ILogger<RequestForm> logger)
{
    /// <summary>Opens the form on <paramref name="triggerId"/>; null when it opened, else Slack's error (logged).</summary>
    public async Task<string?> OpenAsync(string triggerId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var view = NewRequestModal.Build(access.Value, (count, shown) => RequestsLog.CatalogTooLongForModal(logger, count, shown));
            await slack.OpenViewAsync(triggerId, view, cancellationToken);
            return null;
        }
        catch (SlackApiException ex)
        {
            RequestsLog.ModalOpenFailed(logger, userId, ex.Error);
            return ex.Error;
        }
    }
}
