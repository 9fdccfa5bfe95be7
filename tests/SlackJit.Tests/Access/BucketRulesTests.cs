using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class BucketRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("analytics-prod")]
    [InlineData("logs.archive-2026")]
    [InlineData("1bucket9")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void IsValid_GoodName_IsTrue(string name) => Assert.True(BucketRules.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("Foo_Bar")]
    [InlineData("Analytics")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("trailing.")]
    [InlineData("two..dots")]
    [InlineData("192.168.1.1")]
    [InlineData("xn--bucket")]
    [InlineData("sthree-bucket")]
    [InlineData("bucket-s3alias")]
    [InlineData("bucket--ol-s3")]
    [InlineData("with space")]
    [InlineData("bücket")]
    public void IsValid_BadName_IsFalse(string? name) => Assert.False(BucketRules.IsValid(name));
}
