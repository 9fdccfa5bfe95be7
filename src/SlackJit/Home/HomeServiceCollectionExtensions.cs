using SlackJit.Lifecycle;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Home;

internal static class HomeServiceCollectionExtensions
{
    /// <summary>The App Home tab (docs/APP-HOME.md): published when opened, republished when a request on it changes.</summary>
    public static WebApplicationBuilder AddHome(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<HomeReader>();
        services.AddSingleton<HomePublishing>();
        services.AddSingleton<HomeRefresh>();

        // Slack in: the event and the Home's own button (the request buttons there are the card's and the DM's).
        services.AddSlackEventHandler<HomeOpenedHandler>();
        services.AddBlockActionHandler<RequestAccessHandler>();

        // After the ack: publishing, and refreshing the Homes a changed request shows on.
        services.AddWorkHandler<PublishHome, PublishHomeHandler>();
        services.AddWorkHandler<RefreshHomes, RefreshHomesHandler>();
        services.AddSingleton<IRequestObserver>(sp => sp.GetRequiredService<HomeRefresh>());
        return builder;
    }
}
