using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Hosting;
using SlackJit.Slack;
using SlackJit.Slack.Api;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Cards;

/// <summary>
/// Posts and updates approval cards. Posting records the card's place on the request (and moves its due time to
/// the deadline) so later decisions can rewrite it; a channel that is misconfigured is recorded on the request,
/// logged with the channel id, and retried later (every <see cref="MisconfiguredRetry"/>, never past the deadline),
/// so an operator who invites the bot meanwhile still gets the request through. The operator also sees it on
/// <c>/readyz</c> (a warning naming the channel and the setting) until a card posts to that channel again.
/// </summary>
internal sealed class ApprovalCards(
    ISlackApi slack,
    IAccessRequestStore store,
    IOptions<AccessOptions> access,
    IOptions<SlackOptions> slackOptions,
    TimeProvider time,
    ILogger<ApprovalCards> logger,
    ReadinessWarnings? warnings = null,
    SlackJitMetrics? metrics = null) : IApprovalCards
{
    public static readonly TimeSpan MisconfiguredRetry = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Posts the card for a Pending (or break-glass) request without one. A misconfigured channel is not an exception: the failure is
    /// recorded and the request is returned without a card. Other Slack failures throw <see cref="SlackApiException"/>
    /// (the request stays due, so the sweeper tries again).
    /// </summary>
    public async Task<AccessRequest> PostAsync(AccessRequest request, CancellationToken cancellationToken) =>
        (await PostCardAsync(request, cancellationToken)).Request;

    public async Task<CardPost> PostCardAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SlackJitTelemetry.StartRequestSpan("card.post", request.Id);
        CardPost post;
        try
        {
            post = await PostCardCoreAsync(request, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            metrics?.CardFailed(ex.Error);
            span.Fail(ex.Error);
            throw;
        }
        if (post.MisconfiguredError is { } error)
        {
            metrics?.CardFailed(error);
            span.Fail(error);
        }
        return post;
    }

    private async Task<CardPost> PostCardCoreAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var resource = AccessPolicy.FindResource(access.Value, request.Resource);
        var channel = ApproverChannel.For(resource, slackOptions.Value);
        // A break-glass request is Approved from the start: its card is posted whatever its status.
        if ((request.Status != RequestStatus.Pending && request.BreakGlass is null) || request.Slack.CardTs is not null)
        {
            return new CardPost(request, channel);
        }

        SlackMessageRef posted;
        try
        {
            posted = await slack.PostMessageAsync(channel.Id, ApprovalCard.Build(request, resource, time.GetUtcNow(), GrantScope.Of(access.Value, request.Resource)), cancellationToken);
        }
        catch (SlackApiException ex) when (ApproverChannel.IsMisconfigured(ex.Error))
        {
            CardsLog.ApproverChannelMisconfigured(logger, request.Id, channel.Id, channel.Setting, ex.Error);
            warnings?.Set(WarningKey(channel.Id), channel.ReadinessWarning(ex.Error));
            var failed = await ApplyWithRetryAsync(
                request, r => Transitions.CardNotPosted(r, ex.Error, time.GetUtcNow() + MisconfiguredRetry, time.GetUtcNow()), cancellationToken);
            return new CardPost(failed, channel, ex.Error);
        }

        CardsLog.CardPosted(logger, request.Id, posted.Channel, posted.Ts);
        warnings?.Clear(WarningKey(channel.Id));
        var stored = await ApplyWithRetryAsync(
            request, r => Transitions.CardPosted(r, posted.Channel, posted.Ts, time.GetUtcNow()), cancellationToken);

        // Someone decided while the card was on its way (e.g. the requester cancelled from the ack): show that now.
        if (stored.Status != request.Status || stored.Approvals.Count != request.Approvals.Count)
        {
            await UpdateAsync(stored, cancellationToken);
        }

        return new CardPost(stored, channel);
    }

    public async Task<SlackMessageRef> PostEscalationAsync(AccessRequest request, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = AccessPolicy.FindResource(access.Value, request.Resource);
        var channel = resource?.EscalationChannel is { Length: > 0 } own
            ? own
            : request.Slack.CardChannel ?? ApproverChannel.For(resource, slackOptions.Value).Id;
        var card = ApprovalCard.Build(request, resource, time.GetUtcNow(), GrantScope.Of(access.Value, request.Resource));
        var blocks = new System.Text.Json.Nodes.JsonArray(Slack.Blocks.Block.Section(notice));
        foreach (var block in card.Blocks ?? [])
        {
            blocks.Add(block?.DeepClone());
        }
        var posted = await slack.PostMessageAsync(channel, new SlackMessage($"{notice} {card.Text}", blocks), cancellationToken);
        CardsLog.CardPosted(logger, request.Id, posted.Channel, posted.Ts);
        return posted;
    }

    /// <summary>
    /// Rewrites the card for the request's current state. Renders the newest stored version when the store has one
    /// (so a late update never puts an older state back), and never throws (except when cancelled): the store is the
    /// truth and the transition it follows is already durable; the card only shows it.
    /// </summary>
    public async Task UpdateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartRequestSpan("card.update", request.Id);
        try
        {
            await RenderAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CardsLog.CardUpdateFailedUnexpectedly(logger, request.Id, ex);
        }
    }

    private async Task RenderAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latest = request;
        try
        {
            if (await store.GetAsync(request.Id, cancellationToken) is { } stored && stored.Version > request.Version)
            {
                latest = stored;
            }
        }
        catch (StoreUnavailableException)
        {
            // Render what we were given.
        }

        if (latest.Slack.CardChannel is not { } channel || latest.Slack.CardTs is not { } ts)
        {
            return;
        }

        var resource = AccessPolicy.FindResource(access.Value, latest.Resource);
        var card = ApprovalCard.Build(latest, resource, time.GetUtcNow(), GrantScope.Of(access.Value, latest.Resource));
        await RewriteAsync(latest.Id, new SlackMessageRef(channel, ts), card, cancellationToken);
        if (latest.Reminders is { EscalationChannel: { } escalationChannel, EscalationTs: { } escalationTs })
        {
            await RewriteAsync(latest.Id, new SlackMessageRef(escalationChannel, escalationTs), card, cancellationToken);
        }
    }

    private async Task RewriteAsync(Guid requestId, SlackMessageRef target, SlackMessage card, CancellationToken cancellationToken)
    {
        try
        {
            await slack.UpdateMessageAsync(target, card, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            CardsLog.CardUpdateFailed(logger, requestId, target.Channel, ex.Error);
        }
    }

    private static string WarningKey(string channelId) => "approver-channel:" + channelId;

    // Card bookkeeping may race with a decision: decided again on the current version.
    private async Task<AccessRequest> ApplyWithRetryAsync(
        AccessRequest request, Func<AccessRequest, TransitionDecision> decide, CancellationToken cancellationToken)
    {
        var write = await store.ApplyDecidingAgainAsync(request, decide, cancellationToken);
        if (write.Status == DecidedWriteStatus.Contended)
        {
            CardsLog.CardRefsNotRecorded(logger, request.Id);
        }
        return write.Current;
    }
}
