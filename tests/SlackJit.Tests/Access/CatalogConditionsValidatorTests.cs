using Microsoft.Extensions.Options;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>Folder-like catalog prefixes and the entry conditions, checked at start-up one line per key.</summary>
public sealed class CatalogConditionsValidatorTests
{
    private static ResourceOptions Entry(string prefix = "reports/") => new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Prefix = prefix,
        Approvers = ["U0123ABCD"],
    };

    private static ValidateOptionsResult Validate(ResourceOptions entry) =>
        new AccessOptionsValidator().Validate(null, new AccessOptions { Resources = [entry] });

    [Theory]
    [InlineData("")]
    [InlineData("reports/")]
    [InlineData("team-a/2026/")]
    public void Validate_FolderPrefix_Succeeds(string prefix) =>
        Assert.True(Validate(Entry(prefix)).Succeeded, Validate(Entry(prefix)).FailureMessage);

    [Theory]
    [InlineData("team-a")]
    [InlineData("reports/2026")]
    public void Validate_PrefixNotEndingInSlash_NamesTheEntryAndTheFix(string prefix)
    {
        var failure = Assert.Single(Validate(Entry(prefix)).Failures!);

        Assert.Equal($"Access:Resources[0].Prefix \"{prefix}\" must end with / (a folder, e.g. \"{prefix}/\") or be \"\" for the whole bucket.", failure);
    }

    [Fact]
    public void Validate_GoodConditions_Succeed()
    {
        var entry = Entry();
        entry.SourceIpRanges = ["10.0.0.0/8", "203.0.113.0/24", "2001:db8::/32"];
        entry.VpcEndpoints = ["vpce-1a2b3c4d", "vpce-0123456789abcdef0"];
        entry.RequiredObjectTags = new() { ["classification"] = "internal", ["team:owner"] = "data eng" };

        var result = Validate(entry);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("intranet")]
    [InlineData("")]
    public void Validate_BadSourceIpRange_NamesTheKey(string range)
    {
        var entry = Entry();
        entry.SourceIpRanges = ["10.0.0.0/8", range];

        var failure = Assert.Single(Validate(entry).Failures!);

        Assert.StartsWith($"Access:Resources[0].SourceIpRanges[1] \"{range}\" is not a CIDR range", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vpc-1a2b3c4d")]
    [InlineData("vpce-1A2B3C4D")]
    [InlineData("vpce-1a2b")]
    [InlineData("vpce-*")]
    public void Validate_BadVpcEndpoint_NamesTheKey(string endpoint)
    {
        var entry = Entry();
        entry.VpcEndpoints = [endpoint];

        var failure = Assert.Single(Validate(entry).Failures!);

        Assert.StartsWith($"Access:Resources[0].VpcEndpoints[0] \"{endpoint}\" is not a VPC endpoint id", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:cloudformation", "x", "key")]
    [InlineData("class*", "x", "key")]
    [InlineData("${aws:username}", "x", "key")]
    [InlineData("class", "in${x}", "value")]
    [InlineData("class", "a\"b", "value")]
    public void Validate_BadObjectTag_NamesTheKey(string tag, string value, string which)
    {
        var entry = Entry();
        entry.RequiredObjectTags = new() { [tag] = value };

        var failure = Assert.Single(Validate(entry).Failures!);

        Assert.StartsWith(which == "key" ? "Access:Resources[0].RequiredObjectTags key" : $"Access:Resources[0].RequiredObjectTags:{tag}", failure, StringComparison.Ordinal);
    }
}
