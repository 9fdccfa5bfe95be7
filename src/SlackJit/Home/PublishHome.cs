using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>
/// Work after the ack: read what <paramref name="UserId"/> should see and publish their Home tab. <paramref name="TeamId"/>
/// is the team their own requests are filed under; null when unknown (an approver refreshed because of someone
/// else's request), and then every team SlackJit serves is read.
/// </summary>
internal sealed record PublishHome(string UserId, string? TeamId) : IWorkItem
{
    public string Name => $"home {UserId}";
}
