using SlackJit.Slack.Api;

namespace SlackJit.Tests.Slack.Api;

public sealed class ResponseUrlPolicyTests
{
    private static readonly Uri SlackApi = new("https://slack.com/api/");
    private static readonly Uri LocalFake = new("http://127.0.0.1:5123/api/");

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc")]
    [InlineData("https://HOOKS.slack.com/actions/T1/2/abc")]
    public void TryAccept_SlackHooks_Accepts(string url)
    {
        Assert.True(ResponseUrlPolicy.TryAccept(url, SlackApi, out var accepted));
        Assert.Equal(new Uri(url), accepted);
    }

    [Fact]
    public void TryAccept_ConfiguredApiHost_Accepts()
    {
        Assert.True(ResponseUrlPolicy.TryAccept("http://127.0.0.1:5123/hooks/x", LocalFake, out _));
    }

    [Theory]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc")]
    [InlineData("https://hooks.slack.com:8443/commands/T1")]
    [InlineData("https://hooks.slack.com.evil.example/commands")]
    [InlineData("https://evilhooks.slack.com/commands")]
    [InlineData("https://user:pw@hooks.slack.com/commands")]
    [InlineData("https://evil.example/?u=https://hooks.slack.com/")]
    [InlineData("http://127.0.0.1:9999/hooks/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//hooks.slack.com/commands")]
    [InlineData(null)]
    public void TryAccept_AnythingElse_Refuses(string? url)
    {
        Assert.False(ResponseUrlPolicy.TryAccept(url, LocalFake, out _));
    }
}
