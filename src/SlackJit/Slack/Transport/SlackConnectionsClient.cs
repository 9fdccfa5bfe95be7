using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Transport;

/// <summary>Calls <c>apps.connections.open</c> with the app-level token to get a fresh Socket Mode URL.</summary>
internal sealed class SlackConnectionsClient(IHttpClientFactory httpClients, IOptionsMonitor<SlackOptions> options)
{
    public const string HttpClientName = "SlackJit.SocketMode";
    public const string Method = "apps.connections.open";

    public async Task<ConnectionsOpenResult> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(settings.ApiBaseUrl), Method));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AppToken);
        request.Content = new FormUrlEncodedContent([]);

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            return ConnectionsOpenResult.Failed($"http_{(int)response.StatusCode}");
        }

        ConnectionsOpenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(SlackTransportJsonContext.Default.ConnectionsOpenResponse, timeout.Token);
        }
        catch (JsonException)
        {
            return ConnectionsOpenResult.Failed("invalid_response");
        }

        if (body is null || !body.Ok)
        {
            return ConnectionsOpenResult.Failed(string.IsNullOrEmpty(body?.Error) ? "unknown_error" : body.Error);
        }
        return Uri.TryCreate(body.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeWss || url.Scheme == Uri.UriSchemeWs)
            ? new ConnectionsOpenResult(url, null)
            : ConnectionsOpenResult.Failed("invalid_url");
    }

    private static Uri BaseUri(string apiBaseUrl) =>
        new(apiBaseUrl.EndsWith('/') ? apiBaseUrl : apiBaseUrl + "/", UriKind.Absolute);
}
