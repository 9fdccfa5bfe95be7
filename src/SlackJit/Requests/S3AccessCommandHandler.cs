using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// <c>/s3-access</c>: a request (<c>&lt;bucket&gt;[/&lt;prefix&gt;] [duration] [reason]</c>), or <c>help</c>,
/// <c>list</c>, <c>cancel &lt;id&gt;</c>, or — with no text — the request form. Every answer is ephemeral; a refusal
/// changes nothing; the card is posted after the ack.
/// </summary>
internal sealed class S3AccessCommandHandler(
    CreateRequest create,
    CancelRequest cancel,
    RequestFollowUps followUps,
    IAccessRequestStore store,
    RequestForm form,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<S3AccessCommandHandler> logger) : ISlashCommandHandler
{
    /// <summary>How many of the requester's newest requests <c>list</c> shows.</summary>
    public const int ListLength = 10;

    // The catalog's settings are read once at start-up, so the help never changes: its answer is rendered once.
    private SlackResponse? _help;

    public string Command => RequestsSlackKeys.Command;

    private SlackResponse Help => _help ??= SlackResponse.Fixed(RequestReplies.Help(access.Value));

    public async Task<SlackResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var text = (command.Text ?? "").Trim();
        var space = text.IndexOfAny([' ', '\t', '\n']);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        try
        {
            return verb switch
            {
                "" => await OpenFormAsync(command, cancellationToken),
                "help" => Help,
                "list" => await ListAsync(command, cancellationToken),
                "cancel" => await CancelAsync(command, rest, cancellationToken),
                _ => await CreateAsync(command, text, cancellationToken),
            };
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, $"/s3-access {(verb is "list" or "cancel" ? verb : "request")}", command.UserId);
            return SlackResponse.Ephemeral(RequestReplies.StoreDown);
        }
    }

    private async Task<SlackResponse> CreateAsync(SlashCommand command, string text, CancellationToken cancellationToken)
    {
        if (!RequestParser.TryParse(text, out var parsed, out var problem))
        {
            return SlackResponse.Ephemeral(RequestReplies.CannotRead(problem));
        }

        switch (await create.CreateAsync(parsed, command.Identity, cancellationToken))
        {
            case CreateOutcome.Created created:
                followUps.AfterCreate(created.Request, new ReplyTarget(command.UserId, command.ResponseUrl));
                return RequestReplies.AckReply(created.Request, created.Channel);
            case CreateOutcome.Refused refused:
                return SlackResponse.Ephemeral(":no_entry: " + refused.Message);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<SlackResponse> OpenFormAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var options = access.Value;
        if (options.Resources.Count == 0)
        {
            return SlackResponse.Ephemeral("Nothing can be requested yet: SlackJit's catalog is empty. Ask your platform team to add buckets.");
        }

        if (string.IsNullOrEmpty(command.TriggerId))
        {
            return Help;
        }

        // The trigger is good for 3 s and once: open the form before anything else.
        return await form.OpenAsync(command.TriggerId, command.UserId, cancellationToken) is { } error
            ? SlackResponse.Ephemeral($"I couldn't open the request form (`{error}`). Type the request instead: {RequestReplies.Usage}.")
            : SlackResponse.Empty;
    }

    private async Task<SlackResponse> ListAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var requests = await store.GetByRequesterAsync(command.Identity, ListLength, cancellationToken);
        var list = RequestReplies.List(requests, time.GetUtcNow());
        return SlackResponse.Ephemeral(list.Text, list.Blocks);
    }

    private async Task<SlackResponse> CancelAsync(SlashCommand command, string idText, CancellationToken cancellationToken)
    {
        var (id, problem) = await cancel.ResolveAsync(idText, command.Identity, cancellationToken);
        if (id is not { } requestId)
        {
            return SlackResponse.Ephemeral(problem!);
        }

        switch (await cancel.CancelAsync(requestId, command.Identity, cancellationToken))
        {
            case DecisionOutcome.Allowed done:
                followUps.AfterDecision(done.Request);
                return SlackResponse.Ephemeral(RequestReplies.Cancelled(done.Request));
            case DecisionOutcome.Refused refused:
                return SlackResponse.Ephemeral(refused.Message);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}
