using SlackJit.Access;
using SlackJit.Lifecycle;

namespace SlackJit.Requests.FollowUps;

/// <summary>Update the card after a deny and tell the requester by DM, with the approver's reason.</summary>
internal sealed record ShowDenial(AccessRequest Next) : IWorkItem
{
    public string Name => "deny-follow-up " + Next.ShortId;
}
