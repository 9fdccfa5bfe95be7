using SlackJit.Aws;

namespace SlackJit.Tests.Aws;

public sealed class ConsoleLinksTests
{
    [Theory]
    [InlineData("https://console.aws.amazon.com/", "logs", "app/2025/", null,
        "https://s3.console.aws.amazon.com/s3/buckets/logs?prefix=app%2F2025%2F")]
    [InlineData("https://console.aws.amazon.com", "logs", "", null,
        "https://s3.console.aws.amazon.com/s3/buckets/logs")]
    [InlineData("https://console.aws.amazon.com/", "logs", "a b&c/", "eu-west-1",
        "https://s3.console.aws.amazon.com/s3/buckets/logs?region=eu-west-1&prefix=a%20b%26c%2F")]
    [InlineData("https://console.amazonaws-us-gov.com/", "gov-data", "x/", "us-gov-west-1",
        "https://console.amazonaws-us-gov.com/s3/buckets/gov-data?region=us-gov-west-1&prefix=x%2F")]
    [InlineData("https://console.amazonaws.cn/", "cn-data", "", null,
        "https://console.amazonaws.cn/s3/buckets/cn-data")]
    [InlineData("http://127.0.0.1:5000/console/", "b", "p", null,
        "http://127.0.0.1:5000/console/s3/buckets/b?prefix=p")]
    public void S3Bucket_ConsoleBase_DeepLinkForThePartition(string consoleUrl, string bucket, string prefix, string? region, string expected) =>
        Assert.Equal(expected, ConsoleLinks.S3Bucket(consoleUrl, bucket, prefix, region));
}
