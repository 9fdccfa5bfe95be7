using SlackJit.Lifecycle;

namespace SlackJit.Requests.Extensions;

/// <summary>After a change to an extension: post its card (when <paramref name="Asked"/>) or rewrite it, and tell the requester.</summary>
internal sealed record ShowExtension(Guid RequestId, bool Asked) : IWorkItem
{
    public string Name => "extension " + Access.RequestIds.ToShort(RequestId);
}
