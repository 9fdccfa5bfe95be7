using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Messaging;
using SlackJit.Slack;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Requests;

/// <summary>
/// Creates a request from the command or the form. On the ack path, so it does only what the decision needs:
/// the requester's Slack facts (cached), then the abuse limits' slot claims (which make the caps hold under a burst,
/// <see cref="RequesterSlots"/>) with the request's write: on SQLite one transaction, with no read before it.
/// </summary>
internal sealed class CreateRequest(
    RequesterSlots requesterSlots,
    RequesterLookup requesters,
    IOptions<AccessOptions> access,
    IOptions<SlackOptions> slack,
    TimeProvider time,
    ILogger<CreateRequest> logger,
    SlackJitMetrics? metrics = null)
{
    /// <summary>The <c>resource</c> tag of a request refused before it named a catalog entry (never the input itself).</summary>
    public const string NoResource = "none";

    /// <exception cref="StoreUnavailableException">The store did not answer; nothing was written.</exception>
    public async Task<CreateOutcome> CreateAsync(ParsedRequest parsed, SlackIdentity requester, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.Source.StartActivity("request.create");
        try
        {
            var outcome = await CreateCoreAsync(parsed, requester, cancellationToken);
            if (outcome is CreateOutcome.Created created)
            {
                span?.SetTag(SlackJitTelemetry.RequestIdTag, created.Request.Id.ToString("D"));
                metrics?.RequestReceived(created.Request.Resource.Name, RequestOutcomes.Created);
            }
            else
            {
                span?.SetTag(SlackJitTelemetry.OutcomeTag, RequestOutcomes.Refused);
            }
            return outcome;
        }
        catch (StoreUnavailableException)
        {
            metrics?.RequestReceived(NoResource, RequestOutcomes.Unavailable);
            span.Fail("store_unavailable");
            throw;
        }
    }

    private async Task<CreateOutcome> CreateCoreAsync(ParsedRequest parsed, SlackIdentity requester, CancellationToken cancellationToken)
    {
        var options = access.Value;
        var facts = await requesters.GetAsync(requester.UserId, cancellationToken);
        if (facts is null)
        {
            metrics?.RequestReceived(NoResource, RequestOutcomes.Unavailable);
            return new CreateOutcome.Refused(null, RequestReplies.CouldNotCheckAccount);
        }

        var decision = AccessPolicy.Decide(parsed, options, facts);
        if (decision is not AccessDecision.Allowed allowed)
        {
            var refused = (AccessDecision.Refused)decision;
            RequestsLog.RequestRefused(logger, requester.UserId, refused.Reason.ToString());
            metrics?.RequestReceived(NoResource, RequestOutcomes.Refused);
            return new CreateOutcome.Refused(refused.Reason, refused.ToRefusal().Text());
        }

        var now = time.GetUtcNow();
        var request = AccessRequests.Create(allowed, requester, options, time, AccessRequests.CardGrace);
        if (allowed.BreakGlass)
        {
            // Issued without approval: stored Approved in the same write that creates it, so it is never seen pending.
            request = Transitions.BreakGlass(request, options.BreakGlass.ReviewWithin, now).Transition!.Next;
        }

        // The caps are checked by claiming their slots, in the write that creates the request: what is stored and what
        // races in at the same moment are counted alike, and a refusal writes nothing (docs/RELIABILITY.md).
        var claimed = await requesterSlots.CreateAsync(request, options, now, cancellationToken);
        if (!claimed.IsAllowed)
        {
            RequestsLog.RequestRefused(logger, requester.UserId, claimed.Refusal.Reason.ToString());
            metrics?.RequestReceived(allowed.Resource.Name, RequestOutcomes.Refused);
            return new CreateOutcome.Refused(claimed.Refusal.Reason, claimed.Refusal.Text());
        }

        RequestsLog.RequestCreated(logger, request.Id, requester.UserId, allowed.Resource.Name);
        if (request.BreakGlass is not null)
        {
            BreakGlass.BreakGlassLog.Issued(logger, request.Id, requester.UserId, allowed.Resource.Name, request.BreakGlass.ReviewBy);
        }
        return new CreateOutcome.Created(request, ApproverChannel.For(allowed.Resource, slack.Value));
    }
}
