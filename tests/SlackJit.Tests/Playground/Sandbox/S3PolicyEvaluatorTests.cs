using SlackJit.Access;
using SlackJit.Playground.Sandbox;

namespace SlackJit.Tests.Playground.Sandbox;

/// <summary>The sandbox console's answers must be IAM's answers for the policies SlackJit writes.</summary>
public sealed class S3PolicyEvaluatorTests
{
    private static readonly string PrefixPolicy = SessionPolicy.Build("finance-data", "reports/", null, null, "aws");
    private static readonly string BucketPolicy = SessionPolicy.Build("analytics-prod", "", null, null, "aws");

    [Theory]
    [InlineData("reports/q1.pdf", true)]
    [InlineData("reports/payroll/2026-03.csv", true)]
    [InlineData("reports", false)]
    [InlineData("raw/bank.csv", false)]
    [InlineData("Reports/q1.pdf", false)]
    public void CanRead_PrefixPolicy_OnlyKeysUnderThePrefix(string key, bool expected) =>
        Assert.Equal(expected, S3PolicyEvaluator.CanRead(PrefixPolicy, "finance-data", key));

    [Fact]
    public void CanRead_OtherBucket_Denied() =>
        Assert.False(S3PolicyEvaluator.CanRead(PrefixPolicy, "finance-data-copy", "reports/q1.pdf"));

    [Theory]
    [InlineData("", false)]
    [InlineData("raw/", false)]
    [InlineData("reports", false)]
    [InlineData("reports/", true)]
    [InlineData("reports/2026/", true)]
    public void CanList_PrefixPolicy_ConditionOnS3Prefix(string prefix, bool expected) =>
        Assert.Equal(expected, S3PolicyEvaluator.CanList(PrefixPolicy, "finance-data", prefix));

    [Fact]
    public void CanList_WholeBucketPolicy_AnyPrefixAndAnyKey()
    {
        Assert.True(S3PolicyEvaluator.CanList(BucketPolicy, "analytics-prod", ""));
        Assert.True(S3PolicyEvaluator.CanRead(BucketPolicy, "analytics-prod", "models/churn/v3.pkl"));
        Assert.False(S3PolicyEvaluator.CanRead(BucketPolicy, "finance-data", "reports/q1.pdf"));
    }

    [Fact]
    public void Evaluate_ExplicitDeny_WinsOverAllow()
    {
        const string policy = """
            {"Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/secret/*"}]}
            """;

        Assert.True(S3PolicyEvaluator.CanRead(policy, "b", "public/a.txt"));
        Assert.False(S3PolicyEvaluator.CanRead(policy, "b", "secret/a.txt"));
    }

    [Fact]
    public void Evaluate_NotActionAndQuestionMark_MatchAsIamDoes()
    {
        const string policy = """{"Statement":{"Effect":"Allow","NotAction":"s3:Put*","Resource":"arn:aws:s3:::b/file?.txt"}}""";

        Assert.True(S3PolicyEvaluator.CanRead(policy, "b", "file1.txt"));
        Assert.False(S3PolicyEvaluator.CanRead(policy, "b", "file10.txt"));
    }

    [Fact]
    public void Evaluate_UnknownConditionOperator_NeverGrants()
    {
        const string policy = """{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""";

        Assert.False(S3PolicyEvaluator.CanList(policy, "b", ""));
    }

    [Fact]
    public void Evaluate_DateLessThanOnCurrentTime_AllowsBeforeTheEndOnly()
    {
        const string policy = """{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-03-02T10:00:00Z"}}}]}""";
        var end = DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(S3PolicyEvaluator.CanRead(policy, "b", "k", end.AddMinutes(-1)));
        Assert.False(S3PolicyEvaluator.CanRead(policy, "b", "k", end));
        Assert.False(S3PolicyEvaluator.CanRead(policy, "b", "k"));
    }
}
