using System.Text.Json;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class SessionPolicyTests
{
    private const string KmsKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public void Build_Prefix_GrantsListAndReadOfThatPrefixOnly()
    {
        using var doc = JsonDocument.Parse(SessionPolicy.Build("analytics-prod", "reports/", null, "eu-west-1", "aws"));

        Assert.Equal("2012-10-17", doc.RootElement.GetProperty("Version").GetString());
        var statements = Statements(doc);
        Assert.Equal(["Locate", "List", "Read"], statements.Select(s => s.GetProperty("Sid").GetString()));
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));

        AssertStatement(statements[0], "s3:GetBucketLocation", "arn:aws:s3:::analytics-prod");
        Assert.False(statements[0].TryGetProperty("Condition", out _));

        AssertStatement(statements[1], "s3:ListBucket", "arn:aws:s3:::analytics-prod");
        var prefixes = statements[1].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix");
        Assert.Equal(["reports/", "reports/*"], prefixes.EnumerateArray().Select(p => p.GetString()));
        Assert.Single(statements[1].GetProperty("Condition").EnumerateObject());

        AssertStatement(statements[2], "s3:GetObject", "arn:aws:s3:::analytics-prod/reports/*");
        Assert.False(statements[2].TryGetProperty("Condition", out _));
    }

    [Fact]
    public void Build_WholeBucket_HasNoPrefixConditionAndReadsEveryObject()
    {
        using var doc = JsonDocument.Parse(SessionPolicy.Build("analytics-prod", "", null, "eu-west-1", "aws"));
        var statements = Statements(doc);

        AssertStatement(statements[1], "s3:ListBucket", "arn:aws:s3:::analytics-prod");
        Assert.False(statements[1].TryGetProperty("Condition", out _));
        AssertStatement(statements[2], "s3:GetObject", "arn:aws:s3:::analytics-prod/*");
    }

    [Fact]
    public void Build_PrefixWithoutSlash_CoversEverythingStartingWithIt()
    {
        using var doc = JsonDocument.Parse(SessionPolicy.Build("analytics-prod", "reports", null, "eu-west-1", "aws"));

        AssertStatement(Statements(doc)[2], "s3:GetObject", "arn:aws:s3:::analytics-prod/reports*");
    }

    [Theory]
    [InlineData("aws", "eu-west-1", "arn:aws:s3:::b-1", "s3.eu-west-1.amazonaws.com")]
    [InlineData("aws-us-gov", "us-gov-west-1", "arn:aws-us-gov:s3:::b-1", "s3.us-gov-west-1.amazonaws.com")]
    [InlineData("aws-cn", "cn-north-1", "arn:aws-cn:s3:::b-1", "s3.cn-north-1.amazonaws.com.cn")]
    public void Build_KmsKey_DecryptsOnlyThroughS3InThePartition(string partition, string region, string bucketArn, string viaService)
    {
        var key = KmsKey.Replace("arn:aws:", $"arn:{partition}:", StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(SessionPolicy.Build("b-1", "x/", key, region, partition));
        var statements = Statements(doc);

        Assert.Equal(4, statements.Count);
        AssertStatement(statements[0], "s3:GetBucketLocation", bucketArn);
        AssertStatement(statements[3], "kms:Decrypt", key);
        Assert.Equal("Decrypt", statements[3].GetProperty("Sid").GetString());
        var condition = statements[3].GetProperty("Condition");
        Assert.Single(condition.EnumerateObject());
        Assert.Single(condition.GetProperty("StringEquals").EnumerateObject());
        Assert.Equal(viaService, condition.GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("reports/")]
    [InlineData("a\"b\\c")]
    [InlineData("données/été/")]
    public void Build_AnyPrefix_NeverGrantsWritesOrS3Star(string prefix)
    {
        using var doc = JsonDocument.Parse(SessionPolicy.Build("analytics-prod", prefix, KmsKey, "eu-west-1", "aws"));

        string[] allowedActions = ["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject", "kms:Decrypt"];
        foreach (var statement in Statements(doc))
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            var action = statement.GetProperty("Action").GetString()!;
            Assert.Contains(action, allowedActions);
            Assert.DoesNotContain("*", action, StringComparison.Ordinal);
            Assert.DoesNotMatch("(?i)put|delete|write|create|restore|replicate|tagging|acl", action);
            var resource = statement.GetProperty("Resource").GetString()!;
            Assert.NotEqual("*", resource);
            Assert.StartsWith(action.StartsWith("s3:", StringComparison.Ordinal) ? "arn:aws:s3:::analytics-prod" : "arn:aws:kms:", resource, StringComparison.Ordinal);
            Assert.False(statement.TryGetProperty("NotAction", out _));
            Assert.False(statement.TryGetProperty("NotResource", out _));
        }
    }

    [Fact]
    public void Build_QuotesAndBackslashes_AreEscapedAndRoundTrip()
    {
        const string prefix = "a\"b\\c/";

        var json = SessionPolicy.Build("analytics-prod", prefix, null, "eu-west-1", "aws");
        using var doc = JsonDocument.Parse(json);

        Assert.Equal($"arn:aws:s3:::analytics-prod/{prefix}*", Statements(doc)[2].GetProperty("Resource").GetString());
        Assert.Contains("a\\\"b\\\\c/", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NonAsciiPrefix_StaysReadable()
    {
        var json = SessionPolicy.Build("analytics-prod", "données/", null, "eu-west-1", "aws");

        Assert.Contains("données/*", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongestAllowedPrefixWithKmsKey_FitsTheStsLimit()
    {
        var bucket = new string('b', 63);
        var prefix = new string('p', ResourceOptions.MaxPrefixLength);
        Assert.Null(PrefixRules.Problem(prefix));
        Assert.True(BucketRules.IsValid(bucket));

        var json = SessionPolicy.Build(bucket, prefix, KmsKey.Replace("arn:aws:", "arn:aws-us-gov:", StringComparison.Ordinal), "us-gov-west-1", "aws-us-gov");

        Assert.True(json.Length <= SessionPolicy.MaxLength, $"{json.Length} characters");

        // Still the same grant: list under the prefix (PREFIX* also matches PREFIX itself), read under it.
        using var doc = JsonDocument.Parse(json);
        var statements = Statements(doc);
        var prefixes = statements[1].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix");
        Assert.Equal([prefix + "*"], prefixes.EnumerateArray().Select(p => p.GetString()));
        AssertStatement(statements[2], "s3:GetObject", $"arn:aws-us-gov:s3:::{bucket}/{prefix}*");
        Assert.Equal("kms:Decrypt", statements[3].GetProperty("Action").GetString());
    }

    [Fact]
    public void Build_LongestAllowedPrefixOfMultiByteCharacters_FitsTheStsLimit()
    {
        var prefix = string.Concat(Enumerable.Repeat("é", ResourceOptions.MaxPrefixLength));
        Assert.Null(PrefixRules.Problem(prefix));

        var json = SessionPolicy.Build(new string('b', 63), prefix, KmsKey, "eu-west-1", "aws");

        Assert.True(json.Length <= SessionPolicy.MaxLength, $"{json.Length} characters");
    }

    [Fact]
    public void Build_LongestAllowedPrefixOfEmoji_FitsTheStsLimit()
    {
        var prefix = string.Concat(Enumerable.Repeat("😀", ResourceOptions.MaxPrefixLength / 2));
        Assert.Null(PrefixRules.Problem(prefix));

        var json = SessionPolicy.Build(new string('b', 63), prefix, KmsKey, "eu-west-1", "aws");

        Assert.True(json.Length <= SessionPolicy.MaxLength, $"{json.Length} characters");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal($"arn:aws:s3:::{new string('b', 63)}/{prefix}*", Statements(doc)[2].GetProperty("Resource").GetString());
    }

    [Fact]
    public void Build_ControlCharacter_IsEscaped()
    {
        var json = SessionPolicy.Build("analytics-prod", "a\u0001b", null, "eu-west-1", "aws");

        Assert.Contains("a\\u0001b*", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("arn:aws:s3:::analytics-prod/a\u0001b*", Statements(doc)[2].GetProperty("Resource").GetString());
    }

    [Fact]
    public void Build_IsCompact()
    {
        var json = SessionPolicy.Build("analytics-prod", "reports/", null, "eu-west-1", "aws");

        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain(": ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownPartition_Throws()
    {
        Assert.Throws<ArgumentException>(() => SessionPolicy.Build("b-1", "", null, "eu-west-1", "aws-moon"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/x", "aws")]
    [InlineData("arn:aws-cn:iam::123456789012:role/x", "aws-cn")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/x", "aws-us-gov")]
    [InlineData("nonsense", "aws")]
    [InlineData(null, "aws")]
    public void PartitionOf_Arn_ReadsThePartition(string? arn, string partition)
    {
        Assert.Equal(partition, SessionPolicy.PartitionOf(arn));
    }

    private static List<JsonElement> Statements(JsonDocument doc) =>
        [.. doc.RootElement.GetProperty("Statement").EnumerateArray()];

    private static void AssertStatement(JsonElement statement, string action, string resource)
    {
        Assert.Equal(JsonValueKind.String, statement.GetProperty("Action").ValueKind);
        Assert.Equal(action, statement.GetProperty("Action").GetString());
        Assert.Equal(JsonValueKind.String, statement.GetProperty("Resource").ValueKind);
        Assert.Equal(resource, statement.GetProperty("Resource").GetString());
    }
}
