using System.Diagnostics.CodeAnalysis;

namespace SlackJit.Access;

/// <summary>The outcome of a transition function: a <see cref="Access.Transition"/> to apply, or a <see cref="Access.Refusal"/>.</summary>
public sealed class TransitionDecision
{
    private TransitionDecision(Transition? transition, Refusal? refusal)
    {
        Transition = transition;
        Refusal = refusal;
    }

    public Transition? Transition { get; }
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Transition))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Transition is not null;

    public static TransitionDecision Allow(Transition transition) => new(transition ?? throw new ArgumentNullException(nameof(transition)), null);

    public static TransitionDecision Refuse(Refusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    public static implicit operator TransitionDecision(Transition transition) => Allow(transition);

    public static implicit operator TransitionDecision(Refusal refusal) => Refuse(refusal);

    public override string ToString() => IsAllowed
        ? $"Allowed {Transition.FromStatus} -> {Transition.Next.Status} ({Transition.Event?.Action ?? "no event"})"
        : $"Refused {Refusal.Reason}: {Refusal.Facts}";
}
