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

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        GrantButton.HandleAsync(payload, action, store, replies, (request, reply) => Task.FromResult(
            console.Refusal(request, payload.User.Id)
            ?? (work.TryEnqueue(new OpenConsole(request, reply)) ? null : "SlackJit is busy right now; press *Open the AWS console* again in a minute.")),
            cancellationToken);
}
