using System.Text.Json;
using SlackJit.Access;
using SlackJit.Aws;

namespace SlackJit.Tests.Aws;

public sealed class SessionPolicyDocumentTests
{
    private readonly SessionPolicyDocument _policies = new();

    [Fact]
    public void Create_Prefix_ListLimitedToPrefixAndReadUnderIt()
    {
        var json = _policies.Create("aws", GrantScope.Plain("acme-logs", "app/"), kmsKeyArn: null);

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[""" +
            """{"Sid":"Locate","Effect":"Allow","Action":"s3:GetBucketLocation","Resource":"arn:aws:s3:::acme-logs"},""" +
            """{"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::acme-logs","Condition":{"StringLike":{"s3:prefix":["app/","app/*"]}}},""" +
            """{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-logs/app/*"}]}""",
            json);
    }

    [Fact]
    public void Create_WholeBucket_NoPrefixConditionAndAllObjects()
    {
        using var doc = JsonDocument.Parse(_policies.Create("aws", GrantScope.Plain("acme-logs", ""), null)!);

        var statements = doc.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.False(statements[1].TryGetProperty("Condition", out _));
        Assert.Equal("arn:aws:s3:::acme-logs/*", statements[2].GetProperty("Resource").GetString());
    }

    [Theory]
    [InlineData("aws", "arn:aws:kms:us-east-2:123456789012:key/k1", "arn:aws:s3:::b", "s3.us-east-2.amazonaws.com")]
    [InlineData("aws-us-gov", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/k1", "arn:aws-us-gov:s3:::b", "s3.us-gov-west-1.amazonaws.com")]
    [InlineData("aws-cn", "arn:aws-cn:kms:cn-north-1:123456789012:key/k1", "arn:aws-cn:s3:::b", "s3.cn-north-1.amazonaws.com.cn")]
    public void Create_Partition_ArnsAndKmsViaServiceFollowIt(string partition, string keyArn, string bucketArn, string viaService)
    {
        using var doc = JsonDocument.Parse(_policies.Create(partition, GrantScope.Plain("b", "p/"), keyArn)!);

        var statements = doc.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(bucketArn, statements[0].GetProperty("Resource").GetString());
        Assert.Equal(bucketArn + "/p/*", statements[2].GetProperty("Resource").GetString());
        var decrypt = statements[3];
        Assert.Equal("kms:Decrypt", decrypt.GetProperty("Action").GetString());
        Assert.Equal(keyArn, decrypt.GetProperty("Resource").GetString());
        Assert.Equal(viaService, decrypt.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
    }

    [Fact]
    public void Create_KmsKeyWithoutRegion_StillOnlyViaS3()
    {
        using var doc = JsonDocument.Parse(_policies.Create("aws", GrantScope.Plain("b", ""), "alias-not-an-arn")!);

        var decrypt = doc.RootElement.GetProperty("Statement").EnumerateArray().Last();
        Assert.Equal("s3.*.amazonaws.com", decrypt.GetProperty("Condition").GetProperty("StringLike").GetProperty("kms:ViaService").GetString());
    }

    [Fact]
    public void Create_AnyResource_OnlyReadActionsAndNoWildcardResource()
    {
        var json = _policies.Create("aws", GrantScope.Plain("b", "x/"), "arn:aws:kms:us-east-1:123456789012:key/k")!;
        using var doc = JsonDocument.Parse(json);

        foreach (var statement in doc.RootElement.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.Contains(statement.GetProperty("Action").GetString(), new[] { "s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject", "kms:Decrypt" });
            Assert.NotEqual("*", statement.GetProperty("Resource").GetString());
        }
        Assert.True(json.Length < 2048);
    }
}
