namespace SlackJit.Tests.Access;

public sealed class PolicyEvaluatorTests
{
    private const string Bucket = "arn:aws:s3:::b-1";

    private static PolicyEvaluator Policy(params string[] statements) =>
        new($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    private static Dictionary<string, string> Context(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void IsAllowed_NoStatementMatches_IsDeniedByDefault()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b-1/a/*"}""");

        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/a/x"));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/b/x"));
        Assert.False(policy.IsAllowed("s3:PutObject", Bucket + "/a/x"));
    }

    [Fact]
    public void IsAllowed_ExplicitDeny_WinsOverAnAllowInAnyOrder()
    {
        const string allow = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b-1/*"}""";
        const string deny = """{"Effect":"Deny","Action":"s3:GetObject","Resource":["arn:aws:s3:::b-1/hr/*","arn:aws:s3:::b-1/pay/*"]}""";

        foreach (var policy in new[] { Policy(allow, deny), Policy(deny, allow) })
        {
            Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/reports/x"));
            Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/hr/x"));
            Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/pay/x"));
        }
    }

    [Theory]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ba", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a?c", "abbc", false)]
    [InlineData("*/x", "a/b/x", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYc!", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("Reports/*", "reports/x", false)]
    public void WildcardMatch_StarAndQuestionMark_MatchLikeIam(string pattern, string value, bool expected) =>
        Assert.Equal(expected, PolicyEvaluator.WildcardMatch(pattern, value));

    [Fact]
    public void IsAllowed_Actions_MatchCaseInsensitivelyWithWildcards()
    {
        var policy = Policy("""{"Effect":"Allow","Action":["S3:Get*","s3:ListBucke?"],"Resource":"*"}""");

        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x"));
        Assert.True(policy.IsAllowed("s3:ListBucket", Bucket));
        Assert.False(policy.IsAllowed("s3:ListBuckets", Bucket));
        Assert.False(policy.IsAllowed("s3:PutObject", Bucket + "/x"));
    }

    [Fact]
    public void IsAllowed_StringLikeOnPrefix_AnyValueMatchesAndAMissingKeyDoesNot()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b-1","Condition":{"StringLike":{"s3:prefix":["r/","r/*"]}}}""");

        Assert.True(policy.IsAllowed("s3:ListBucket", Bucket, Context(("s3:prefix", "r/"))));
        Assert.True(policy.IsAllowed("s3:ListBucket", Bucket, Context(("s3:prefix", "r/2024/"))));
        Assert.False(policy.IsAllowed("s3:ListBucket", Bucket, Context(("s3:prefix", "r"))));
        Assert.False(policy.IsAllowed("s3:ListBucket", Bucket));
    }

    [Fact]
    public void IsAllowed_StringEquals_IsLiteralAndConditionsAreAnded()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:ExistingObjectTag/class":"public","s3:ExistingObjectTag/team":["a","b"]}}}""");

        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("s3:ExistingObjectTag/class", "public"), ("s3:ExistingObjectTag/team", "b"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("s3:ExistingObjectTag/class", "publ*"), ("s3:ExistingObjectTag/team", "b"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("s3:ExistingObjectTag/class", "public"))));
    }

    [Fact]
    public void IsAllowed_NegatedOperatorOnAMissingKey_IsTrue()
    {
        var policy = Policy(
            """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""",
            """{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8"]},"StringNotEquals":{"aws:SourceVpce":["vpce-1a2b3c4d"]}}}""");

        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceIp", "10.1.2.3"))));
        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceVpce", "vpce-1a2b3c4d"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceIp", "192.0.2.1"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceVpce", "vpce-99999999"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x"));
    }

    [Fact]
    public void IsAllowed_IpAddress_MatchesRangesOfBothFamilies()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]}}}""");

        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceIp", "10.255.0.1"))));
        Assert.True(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceIp", "2001:db8::1"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:SourceIp", "11.0.0.1"))));
        Assert.False(policy.IsAllowed("s3:GetObject", Bucket + "/x"));
    }

    [Fact]
    public void IsAllowed_ForAnyValueOnAMissingKey_MatchesNothing()
    {
        var policy = Policy("""{"Effect":"Deny","Action":"s3:ListBucket","Resource":"*","Condition":{"ForAnyValue:StringNotLike":{"s3:prefix":["a*"]}}}""",
            """{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}""");

        Assert.True(policy.IsAllowed("s3:ListBucket", Bucket));
        Assert.True(policy.IsAllowed("s3:ListBucket", Bucket, Context(("s3:prefix", "ab"))));
        Assert.False(policy.IsAllowed("s3:ListBucket", Bucket, Context(("s3:prefix", "b"))));
    }

    [Fact]
    public void IsAllowed_UnmodelledOperator_Throws()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}""");

        Assert.Throws<NotSupportedException>(() => policy.IsAllowed("s3:GetObject", Bucket + "/x", Context(("aws:CurrentTime", "x"))));
    }
}
