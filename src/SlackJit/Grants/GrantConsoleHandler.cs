using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// The DM's <b>Open the AWS console</b> button: the requester of a live grant gets a fresh sign-in link, made now,
/// so the console works for the whole grant (a link made at issue dies after 15 minutes). Anyone else, or after the
/// grant ended, is refused. STS and the federation call run on the work queue, after the ack.
/// </summary>
internal sealed class GrantConsoleHandler(IAccessRequestStore store, GrantConsole console, SlackMessenger replies, IWorkQueue work) : IBlockActionHandler
{
    public string ActionId => GrantActionIds.Console;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request)
        {
            await replies.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
            return SlackResponse.Empty;
        }
        if (console.Refusal(request, payload.User.Id) is { } refusal)
        {
            await replies.EphemeralAsync(reply, id, refusal, cancellationToken);
            return SlackResponse.Empty;
        }
        if (!work.TryEnqueue(new OpenConsole(request, reply)))
        {
            await replies.EphemeralAsync(reply, id, "SlackJit is busy right now; press *Open the AWS console* again in a minute.", cancellationToken);
        }
        return SlackResponse.Empty;
    }
}
