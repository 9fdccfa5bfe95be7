using SlackJit.Access;
using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>Work after a request changed: publish the Home of its requester and of the people who may decide on it.</summary>
internal sealed record RefreshHomes(Guid RequestId) : IWorkItem
{
    public string Name => $"refresh-homes {RequestIds.ToShort(RequestId)}";
}
