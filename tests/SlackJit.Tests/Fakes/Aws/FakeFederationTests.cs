using System.Net;
using System.Text.Json;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>The federation stub counts only sign-in token requests: a stray call never takes a test's fault or counts as its call.</summary>
public sealed class FakeFederationTests
{
    [Fact]
    public async Task StrayPost_RefusedBeforeFaultsAndNotRecorded()
    {
        await using var federation = await FakeFederation.StartAsync();
        federation.FailNext(FederationFault.ServerError);
        using var http = new HttpClient();

        // Another host's Slack call that reached this stub's reused port.
        using var stray = await http.PostAsync(new Uri(federation.SigninUrl.Replace("federation", "api/chat.postMessage", StringComparison.Ordinal)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "C1", ["text"] = "stray" }));

        Assert.Equal(HttpStatusCode.BadRequest, stray.StatusCode);
        Assert.Empty(federation.Calls);
        Assert.Equal(1, federation.RefusedCalls);

        // The queued fault is still there for the test's own request.
        var session = JsonSerializer.Serialize(new { sessionId = "ASIAEXAMPLE", sessionKey = "secret", sessionToken = "token" });
        using var own = await http.GetAsync(new Uri($"{federation.SigninUrl}?Action=getSigninToken&Session={Uri.EscapeDataString(session)}"));
        Assert.Equal(HttpStatusCode.InternalServerError, own.StatusCode);
        Assert.Single(federation.Calls);
    }
}
