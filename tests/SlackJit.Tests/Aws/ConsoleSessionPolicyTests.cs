using System.Text.Json.Nodes;
using SlackJit.Aws;

namespace SlackJit.Tests.Aws;

public sealed class ConsoleSessionPolicyTests
{
    [Fact]
    public void Until_EveryAllow_GainsTheEndAndKeepsItsOwnConditions()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringLike":{"s3:prefix":["p*"]}}},
             {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/p*"},
             {"Sid":"NoWrites","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}
            """;

        var bounded = JsonNode.Parse(ConsoleSessionPolicy.Until(policy, DateTimeOffset.Parse("2026-03-02T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture)))!;

        var statements = bounded["Statement"]!.AsArray();
        Assert.Equal("2026-03-02T09:00:00Z", (string?)statements[0]!["Condition"]!["DateLessThan"]!["aws:CurrentTime"]);
        Assert.Equal("p*", (string?)statements[0]!["Condition"]!["StringLike"]!["s3:prefix"]![0]);
        Assert.Equal("2026-03-02T09:00:00Z", (string?)statements[1]!["Condition"]!["DateLessThan"]!["aws:CurrentTime"]);
        Assert.Null(statements[2]!["Condition"]);
    }
}
