using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>Work after the ack: read what <paramref name="UserId"/> should see and publish their Home tab.</summary>
internal sealed record PublishHome(string UserId, string TeamId) : IWorkItem
{
    public string Name => $"home {UserId}";
}
