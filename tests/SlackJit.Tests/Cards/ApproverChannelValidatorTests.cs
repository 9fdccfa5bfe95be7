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
        Assert.Equal(
            "Slack:ApproverChannel is required for Access:Resources[1] (\"r1\"), which has no ApproverChannel: set Slack__ApproverChannel to the ID of the approvers' channel (C…), or Access__Resources__1__ApproverChannel",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_NoChannelAndTwoResourcesWithout_FailsWithOneLineEach()
    {
        var result = Validate("", null, "C0OWN", null);

        Assert.Equal([ApproverChannelValidator.Missing(0, "r0"), ApproverChannelValidator.Missing(2, "r2")], result.Failures!);
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
