using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Slack;

namespace SlackJit.Tests.Cards;

public sealed class ApproverChannelValidatorTests
{
    private static ValidateOptionsResult Validate(string channel, params string?[] resourceChannels)
    {
        var access = new AccessOptions
        {
            Resources = [.. resourceChannels.Select((c, i) => new ResourceOptions { Name = $"r{i}", Bucket = $"bucket-{i}", ApproverChannel = c })],
        };
        return new ApproverChannelValidator(Options.Create(new SlackOptions { ApproverChannel = channel })).Validate(null, access);
    }

    [Fact]
    public void Validate_NoChannelAndAResourceWithout_FailsNamingTheKey()
    {
        var result = Validate("", "C0OWN", null);

        Assert.True(result.Failed);
        Assert.Equal(ApproverChannelValidator.Missing, Assert.Single(result.Failures!));
        Assert.StartsWith("Slack:ApproverChannel is required: set Slack__ApproverChannel", ApproverChannelValidator.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoChannelButEveryResourceHasOne_Succeeds() => Assert.True(Validate("", "C0ONE", "C0TWO").Succeeded);

    [Fact]
    public void Validate_NoChannelEmptyCatalog_Succeeds() => Assert.True(Validate("").Succeeded);

    [Fact]
    public void Validate_ChannelSet_Succeeds() => Assert.True(Validate("C0APPROVERS", (string?)null).Succeeded);

    [Fact]
    public void Validate_ChannelName_FailsAskingForTheId()
    {
        var result = Validate("#approvers", (string?)null);

        Assert.Contains("Slack:ApproverChannel \"#approvers\" is not a Slack channel ID", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
