namespace SlackJit.Access;

/// <summary>
/// What a refusal is about, as data: the Slack-facing rooms turn these into words (docs/ARCHITECTURE.md, "Who may
/// call whom"). Only the facts the reason needs are set.
/// </summary>
public sealed record RefusalFacts
{
    public static readonly RefusalFacts None = new();

    /// <summary>The request's short id (R-XXXX).</summary>
    public string? RequestId { get; init; }

    /// <summary>The request's status when it was refused.</summary>
    public RequestStatus? Status { get; init; }

    /// <summary>The person concerned: the requester, or whoever decided first.</summary>
    public string? UserId { get; init; }

    /// <summary>What was attempted, e.g. "renewed", "cancel".</summary>
    public string? Action { get; init; }

    /// <summary>How many (requests, approvals still needed, characters).</summary>
    public int? Count { get; init; }

    /// <summary>The most allowed.</summary>
    public int? Limit { get; init; }

    /// <summary>When something ends or is due.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Until when the current credentials work.</summary>
    public DateTimeOffset? CredentialsUntil { get; init; }

    /// <summary>The catalog entry's name.</summary>
    public string? Resource { get; init; }

    /// <summary>The person's own input, raw (the wording clips and escapes it).</summary>
    public string? Input { get; init; }

    /// <summary>What is wrong with the input, from the rules that checked it.</summary>
    public string? Problem { get; init; }

    /// <summary>A corrected input that would pass, if there is an obvious one.</summary>
    public string? Suggestion { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>The duration limit the request crossed.</summary>
    public TimeSpan? Bound { get; init; }

    /// <summary>What the person may request instead.</summary>
    public IReadOnlyList<ResourceRef>? Allowed { get; init; }

    /// <summary>Wording a Slack-facing room already chose (refusals made outside the domain).</summary>
    public string? Text { get; init; }
}
