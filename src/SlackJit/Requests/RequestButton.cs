using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// The frame every button on a request shares: its value must be a request id, the answer to Slack is always an
/// empty 200, and a store outage becomes a private "try again shortly" instead of an error.
/// </summary>
internal static class RequestButton
{
    public static async Task<SlackResponse> HandleAsync(
        BlockActionsPayload payload,
        BlockAction action,
        string verb,
        RequestFollowUps followUps,
        ILogger logger,
        Func<Guid, ReplyTarget, Task> handle)
    {
        var clicker = new ReplyTarget(payload.User.Id, payload.ResponseUrl);
        if (!RequestIds.TryParse(action.Value, out var id))
        {
            followUps.Tell(clicker, RequestReplies.BrokenButton, Guid.Empty);
            return SlackResponse.Empty;
        }

        try
        {
            await handle(id, clicker);
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, verb, payload.User.Id);
            followUps.Tell(clicker, RequestReplies.StoreDown, id);
        }

        return SlackResponse.Empty;
    }
}
