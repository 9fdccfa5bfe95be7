using SlackJit.Cards;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Requests;

/// <summary>
/// Approve, deny and acknowledge (a break-glass grant): authorize the clicker, then apply the domain's transition as a
/// conditional write. A write that loses to a concurrent one is re-decided on the stored state: another approval on a
/// still-pending N-of-M request is tried again (so it still counts); a request someone else decided gives "already
/// approved by @x". Refused authorizations go into the audit trail (first one an event, the rest a count).
/// </summary>
internal sealed class DecideRequest(
    IAccessRequestStore store,
    ApproverLookup approvers,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<DecideRequest> logger)
{
    public Task<DecisionOutcome> ApproveAsync(Guid id, string clickerId, CancellationToken cancellationToken) =>
        DecideAsync(id, clickerId, Kind.Approve, null, cancellationToken);

    public Task<DecisionOutcome> DenyAsync(Guid id, string clickerId, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, clickerId, Kind.Deny, reason, cancellationToken);

    /// <summary>An approver (an escalation approver once escalated), never the requester, acknowledges a break-glass grant.</summary>
    public Task<DecisionOutcome> AcknowledgeAsync(Guid id, string clickerId, CancellationToken cancellationToken) =>
        DecideAsync(id, clickerId, Kind.Acknowledge, null, cancellationToken);

    /// <summary>May <paramref name="clickerId"/> deny the request now? Asked before opening the deny dialog; writes only a refused attempt.</summary>
    public async Task<DecisionOutcome> CheckDenyAsync(Guid id, string clickerId, CancellationToken cancellationToken)
    {
        var (request, refusal) = await AuthorizeAsync(id, clickerId, Kind.Deny, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var dryRun = Transitions.Deny(request!, clickerId, null, time.GetUtcNow());
        return dryRun.IsAllowed
            ? new DecisionOutcome.Allowed(request!)
            : new DecisionOutcome.Refused(dryRun.Refusal.Reason, dryRun.Refusal.Text());
    }

    private async Task<DecisionOutcome> DecideAsync(Guid id, string clickerId, Kind kind, string? reason, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartRequestSpan("request.decide", id);
        span?.SetTag(SlackJitTelemetry.DecisionTag, kind.ToString().ToLowerInvariant());
        var outcome = await DecideCoreAsync(id, clickerId, kind, reason, cancellationToken);
        span?.SetTag(SlackJitTelemetry.OutcomeTag, outcome is DecisionOutcome.Allowed ? "applied" : "refused");
        return outcome;
    }

    private async Task<DecisionOutcome> DecideCoreAsync(Guid id, string clickerId, Kind kind, string? reason, CancellationToken cancellationToken)
    {
        var (request, refusal) = await AuthorizeAsync(id, clickerId, kind, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // Lost a race: decided again on what is stored now.
        var write = await store.ApplyDecidingAgainAsync(request!, current => kind switch
        {
            Kind.Approve => Transitions.Approve(current, clickerId, time.GetUtcNow()),
            Kind.Deny => Transitions.Deny(current, clickerId, reason, time.GetUtcNow()),
            _ => Transitions.AcknowledgeBreakGlass(current, clickerId, time.GetUtcNow()),
        }, cancellationToken);
        return DecisionOutcomes.From(write, kind.ToString(), id, clickerId, logger);
    }

    private async Task<(AccessRequest? Request, DecisionOutcome.Refused? Refusal)> AuthorizeAsync(
        Guid id, string clickerId, Kind kind, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(id, cancellationToken);
        if (request is null)
        {
            return (null, new DecisionOutcome.Refused(null, RequestReplies.NotFound(RequestIds.ToShort(id))));
        }

        var resource = AccessPolicy.FindResource(access.Value, request.Resource);
        if (resource is null && kind != Kind.Acknowledge)
        {
            return (request, new DecisionOutcome.Refused(
                null, $"{request.ShortId} is for `{request.Resource.Name}`, which is no longer in SlackJit's catalog, so nobody can approve it."));
        }

        var check = (kind, resource) switch
        {
            (Kind.Approve, { } entry) => await approvers.CanApproveAsync(entry, request, clickerId, cancellationToken),
            (Kind.Deny, { } entry) => await approvers.CanDenyAsync(entry, request, clickerId, cancellationToken),
            (_, { } entry) => await approvers.CanAcknowledgeAsync(entry, request, clickerId, cancellationToken),
            // A break-glass grant whose entry left the catalog has nobody left to acknowledge it: refused and kept in the trail.
            _ => PolicyCheck.Refused(RefusalReason.NotAnApprover, new RefusalFacts { RequestId = request.ShortId, Resource = request.Resource.Name }),
        };
        if (check.IsAllowed)
        {
            return (request, null);
        }

        if (kind == Kind.Acknowledge)
        {
            BreakGlass.BreakGlassLog.AcknowledgeRefused(logger, id, clickerId, check.Refusal.Reason.ToString());
        }
        else
        {
            RequestsLog.DecisionRefused(logger, kind.ToString(), id, clickerId, check.Refusal.Reason.ToString());
        }
        await RecordAttemptAsync(request, clickerId, kind, check.Refusal, cancellationToken);
        return (request, new DecisionOutcome.Refused(check.Refusal.Reason, check.Refusal.Text()));
    }

    // The audit trail shows who tried what; the status stays. Best effort under contention: a refused click is never retried forever.
    private async Task RecordAttemptAsync(AccessRequest request, string clickerId, Kind kind, Refusal refusal, CancellationToken cancellationToken)
    {
        var action = kind switch
        {
            Kind.Approve => AuditActions.ApproveRefused,
            Kind.Deny => AuditActions.DenyRefused,
            _ => AuditActions.AcknowledgeRefused,
        };
        var write = await store.ApplyDecidingAgainAsync(
            request, current => Transitions.RecordRefusedClick(current, clickerId, action, refusal.Reason.ToString(), time.GetUtcNow()), cancellationToken);
        if (write.Status == DecidedWriteStatus.Contended)
        {
            RequestsLog.AttemptNotRecorded(logger, request.Id, clickerId);
        }
    }

    private enum Kind
    {
        Approve,
        Deny,
        Acknowledge,
    }
}
