namespace SlackJit.Requests;

internal static class RequestsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder) => builder;
}
