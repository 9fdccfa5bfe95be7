namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// The requester asks for more time on an Active grant (Active → Active): a longer total within the entry's
    /// <paramref name="maxDuration"/>, with a reason, while the window is still open and no other extension is waiting.
    /// </summary>
    public static TransitionDecision AskExtension(
        AccessRequest request, string requesterId, TimeSpan newTotal, string reason, TimeSpan maxDuration, DateTimeOffset now)
    {
        if (requesterId != request.Requester.UserId)
        {
            return NotRequester(request, "extend");
        }
        if (request.Status != RequestStatus.Active || request.Grant is not { } grant || request.ApprovedDuration is not { } current)
        {
            return WrongStatus(request, "extended");
        }
        if (now >= grant.WindowEnd)
        {
            return new Refusal(RefusalReason.WindowClosed, Facts(request) with { At = grant.WindowEnd });
        }
        if (request.Extension is { IsOpen: true })
        {
            return new Refusal(RefusalReason.ExtensionPending, Facts(request));
        }
        if (newTotal <= current)
        {
            return new Refusal(RefusalReason.DurationTooShort, Facts(request) with { Duration = newTotal, Bound = current + TimeSpan.FromMinutes(1) });
        }
        if (newTotal > maxDuration)
        {
            return new Refusal(RefusalReason.DurationTooLong, Facts(request) with { Duration = newTotal, Bound = maxDuration, Resource = request.Resource.Name });
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Refusal(RefusalReason.ReasonRequired, Facts(request) with { Input = request.Resource.Display, Duration = newTotal });
        }

        var extension = new ExtensionRequest(newTotal, reason.Trim(), now, current);
        return Transition.From(
            request,
            request with { Extension = extension },
            Event(request, now, requesterId, AuditActions.ExtensionRequested, request.Status, $"{DurationParser.Format(current)} → {DurationParser.Format(newTotal)}: {extension.Reason}"));
    }

    /// <summary>The extension card is posted: records where. Allowed in every status.</summary>
    public static TransitionDecision ExtensionCardPosted(AccessRequest request, string channel, string ts, DateTimeOffset now)
    {
        if (request.Extension is not { } extension)
        {
            return WrongStatus(request, "given an extension card");
        }
        return Transition.From(
            request,
            request with { Extension = extension with { CardChannel = channel, CardTs = ts } },
            Event(request, now, AuditEvent.SystemActor, AuditActions.SlackRefs, request.Status, $"extension card {channel} {ts}"));
    }

    /// <summary>
    /// One approval of the open extension; with <see cref="AccessRequest.RequiredApprovals"/> distinct ones the approved
    /// duration becomes the new total and fresh credentials for the longer window are due at once.
    /// </summary>
    public static TransitionDecision ApproveExtension(AccessRequest request, string approverId, DateTimeOffset now)
    {
        if (CheckExtensionOpen(request, now) is { } refusal)
        {
            return refusal;
        }
        var extension = request.Extension!;
        if (extension.Approvals.Exists(a => a.ApproverId == approverId))
        {
            return new Refusal(RefusalReason.DuplicateApproval, Facts(request) with { Count = request.RequiredApprovals - extension.Approvals.Count });
        }

        var approvals = extension.Approvals.Add(new Approval(approverId, now));
        var tally = $"{approvals.Count} of {request.RequiredApprovals}";
        if (approvals.Count < request.RequiredApprovals)
        {
            return Transition.From(request, request with { Extension = extension with { Approvals = approvals } },
                Event(request, now, approverId, AuditActions.ExtensionApprovalRecorded, request.Status, tally));
        }

        var next = request with
        {
            Extension = extension with { Approvals = approvals, Decision = AuditActions.ExtensionApproved, DecidedBy = approverId },
            ApprovedDuration = extension.NewTotal,
            DueAt = now,
        };
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.ExtensionApproved, request.Status,
            $"{tally}; window now {DurationParser.Format(extension.NewTotal)}"));
    }

    /// <summary>One deny decides the extension; the grant stays as it is.</summary>
    public static TransitionDecision DenyExtension(AccessRequest request, string approverId, DateTimeOffset now)
    {
        if (CheckExtensionOpen(request, now) is { } refusal)
        {
            return refusal;
        }
        var next = request with { Extension = request.Extension! with { Decision = AuditActions.ExtensionDenied, DecidedBy = approverId } };
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.ExtensionDenied, request.Status));
    }

    /// <summary>
    /// Fresh credentials for the extended window are in the DM (Active → Active): the grant's window end moves to the
    /// approval time plus the new approved duration.
    /// </summary>
    public static TransitionDecision Extend(AccessRequest request, GrantInfo grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (request.Status != RequestStatus.Active || request.Grant is not { } current || AccessRequests.WindowEnd(request) is not { } end)
        {
            return WrongStatus(request, "extended");
        }
        if (current.WindowEnd >= end)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = current.WindowEnd });
        }

        var extended = grant with { WindowEnd = end, Issues = current.Issues + 1 };
        return Transition.From(request, request with { Grant = extended, DueAt = end },
            Event(request, now, AuditEvent.SystemActor, AuditActions.Extended, request.Status, GrantDetail(extended)));
    }

    /// <summary>Whether an approved extension still waits for its credentials.</summary>
    public static bool NeedsExtendedCredentials(AccessRequest request) =>
        request.Status == RequestStatus.Active && request.Grant is { } grant &&
        AccessRequests.WindowEnd(request) is { } end && grant.WindowEnd < end;

    private static Refusal? CheckExtensionOpen(AccessRequest request, DateTimeOffset now)
    {
        if (request.Extension is not { } extension)
        {
            return WrongStatus(request, "extended");
        }
        if (!extension.IsOpen)
        {
            return new Refusal(RefusalReason.ExtensionDecided, Facts(request) with { UserId = extension.DecidedBy, Action = extension.Decision });
        }
        if (request.Status != RequestStatus.Active || request.Grant is not { } grant || now >= grant.WindowEnd)
        {
            return new Refusal(RefusalReason.WindowClosed, Facts(request) with { At = request.Grant?.WindowEnd });
        }
        return null;
    }
}
