using SlackJit.Access;
using SlackJit.Lifecycle;

namespace SlackJit.Requests.FollowUps;

/// <summary>Update the card after a decision; an Approved request then goes on to be issued.</summary>
internal sealed record ShowDecision(AccessRequest Next) : IWorkItem
{
    public string Name => "update-card " + Next.ShortId;
}
