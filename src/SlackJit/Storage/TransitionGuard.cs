using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Checks the shape <see cref="Transition"/> documents before an adapter writes it. A malformed
/// transition is a bug in the caller, so it throws rather than returning a value.
/// </summary>
internal static class TransitionGuard
{
    public static void EnsureWellFormed(Transition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var next = transition.Next;
        if (next.Version != transition.FromVersion + 1)
        {
            throw new ArgumentException(
                $"Transition of {next.Id} must move version {transition.FromVersion} to {transition.FromVersion + 1}, not {next.Version}.",
                nameof(transition));
        }
        if (transition.Event is null)
        {
            if (next.Status != transition.FromStatus)
            {
                throw new ArgumentException($"Transition of {next.Id} changes its status without an audit event.", nameof(transition));
            }
        }
        else if (next.Events.Count == 0 || next.Events[^1] != transition.Event)
        {
            throw new ArgumentException(
                $"Transition of {next.Id} must end its events with the event it appends.", nameof(transition));
        }
    }

    public static void EnsurePositive(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }
}
