namespace SlackJit.SlackEmulator.Workspace;

/// <summary>The App Home tabs: the view <c>views.publish</c> last set for each user.</summary>
public sealed partial class SlackWorkspace
{
    internal readonly Dictionary<string, EmulatedView> HomeViews = [];

    /// <summary>
    /// Whether the app's manifest enables the Home tab (<c>features.app_home.home_tab_enabled</c>); when false,
    /// <c>views.publish</c> answers <c>not_enabled</c> as Slack does.
    /// </summary>
    public bool HomeTabEnabled { get; set; } = true;

    /// <summary>The Home tab <paramref name="userId"/> sees now; null when the app never published one for them.</summary>
    public EmulatedView? HomeView(string userId)
    {
        lock (Gate)
        {
            return HomeViews.TryGetValue(userId, out var view) ? view with { View = view.View.DeepClone().AsObject() } : null;
        }
    }
}
