using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("<!channel>")]
    [InlineData("<@U0123ABCD>")]
    [InlineData("<https://evil.example|click>")]
    [InlineData("<#C0123|general>")]
    public void Clip_SlackToken_CannotFormAMentionOrLink(string hostile)
    {
        var echoed = InputText.Clip(hostile);

        Assert.DoesNotContain('<', echoed);
        Assert.DoesNotContain('>', echoed);
    }

    [Fact]
    public void Decide_HostilePrefix_RefusalEchoCarriesNoMention()
    {
        var options = new AccessOptions
        {
            Resources = [new ResourceOptions { Name = "a", Bucket = "analytics-prod", Prefix = "reports/", Approvers = ["U0APPROVER"] }],
        };
        Assert.True(RequestParser.TryParse("analytics-prod/<!channel> 1h incident", out var parsed, out _));

        var decision = AccessPolicy.Decide(parsed!, options, RequesterFacts.Member);

        var refused = Assert.IsType<AccessDecision.Refused>(decision);
        Assert.DoesNotContain("<!channel>", refused.Text(), StringComparison.Ordinal);
    }
}
