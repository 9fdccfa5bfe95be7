using System.Diagnostics.CodeAnalysis;

namespace SlackJit.Access;

/// <summary>A yes, or a no with a <see cref="Access.Refusal"/>: approver eligibility and abuse limits.</summary>
public sealed record PolicyCheck
{
    public static readonly PolicyCheck Allowed = new();

    private PolicyCheck()
    {
    }

    public Refusal? Refusal { get; private init; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Refusal is null;

    public static PolicyCheck Refused(RefusalReason reason, RefusalFacts facts) => new() { Refusal = new Refusal(reason, facts) };
}
