using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SlackJit.Telemetry;

namespace SlackJit.Aws;

/// <summary>
/// Turns temporary credentials into a console sign-in link through the federation endpoint
/// (<c>Aws:SigninUrl</c>). A failure here never fails issuing: the requester still gets the
/// credentials, only without the link.
/// </summary>
/// <remarks>
/// The request URI carries the secret key and session token, and the answer is a sign-in token,
/// so the named client is registered without IHttpClientFactory's request loggers and this class
/// logs nothing: the caller logs the short reason.
/// </remarks>
internal sealed class FederationClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<AwsOptions> options)
{
    public const string HttpClientName = "SlackJit.Aws.Federation";

    /// <param name="destination">The console page the link opens (see <see cref="ConsoleLinks"/>).</param>
    public async Task<SigninLink> CreateLinkAsync(
        string accessKeyId, string secretAccessKey, string sessionToken, string destination, CancellationToken cancellationToken)
    {
        // The span names the step only: the URL carries the session's secrets and the answer a sign-in token.
        using var span = SlackJitTelemetry.StartStepSpan("aws.federation.signin_token", ActivityKind.Client);
        var link = await RequestLinkAsync(accessKeyId, secretAccessKey, sessionToken, destination, cancellationToken);
        if (link.Error is not null)
        {
            span.Fail("signin_link_failed");
        }
        return link;
    }

    private async Task<SigninLink> RequestLinkAsync(
        string accessKeyId, string secretAccessKey, string sessionToken, string destination, CancellationToken cancellationToken)
    {
        var aws = options.CurrentValue;
        var signinUrl = aws.SigninUrl.TrimEnd('?');

        // No SessionDuration: role-chained credentials make the endpoint answer 400, and without it
        // the console session simply ends with the credentials.
        var session = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["sessionId"] = accessKeyId,
            ["sessionKey"] = secretAccessKey,
            ["sessionToken"] = sessionToken,
        });
        var tokenUri = $"{signinUrl}?Action=getSigninToken&Session={Uri.EscapeDataString(session)}";

        string? signinToken;
        try
        {
            var http = httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.GetAsync(tokenUri, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                return SigninLink.Failed($"the federation endpoint answered {status}");
            }
            signinToken = await ReadTokenAsync(response, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            return SigninLink.Failed("the federation endpoint did not answer in time");
        }
        catch (HttpRequestException)
        {
            return SigninLink.Failed("the federation endpoint could not be reached");
        }

        if (string.IsNullOrEmpty(signinToken))
        {
            return SigninLink.Failed("the federation endpoint's answer had no sign-in token");
        }

        var login = $"{signinUrl}?Action=login" +
            $"&Issuer={Uri.EscapeDataString(aws.Issuer)}" +
            $"&Destination={Uri.EscapeDataString(destination)}" +
            $"&SigninToken={Uri.EscapeDataString(signinToken)}";
        return SigninLink.Made(login);
    }

    private static async Task<string?> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return doc.RootElement.ValueKind == JsonValueKind.Object &&
                   doc.RootElement.TryGetProperty("SigninToken", out var token) &&
                   token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
