using SlackJit.Aws.Iam;

namespace SlackJit.Tests.Aws.Iam;

public sealed class IamEndpointTests
{
    [Theory]
    [InlineData("aws", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("aws-us-gov", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("aws-cn", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    public void For_NoOverride_IsThePartitionsGlobalEndpoint(string partition, string url, string region)
    {
        var endpoint = IamEndpoint.For(partition, _ => null);

        Assert.Equal(new Uri(url), endpoint.Url);
        Assert.Equal(region, endpoint.SigningRegion.SystemName);
    }

    [Fact]
    public void For_AwsEndpointUrlIam_WinsOverTheGlobalOverride()
    {
        var variables = new Dictionary<string, string?>
        {
            [IamEndpoint.EndpointVariable] = "http://127.0.0.1:4566",
            [IamEndpoint.GlobalEndpointVariable] = "http://127.0.0.1:9999/",
        };

        var endpoint = IamEndpoint.For("aws", v => variables.GetValueOrDefault(v));

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), endpoint.Url);
        Assert.Equal("us-east-1", endpoint.SigningRegion.SystemName);
    }

    [Fact]
    public void For_OnlyTheGlobalOverride_UsesIt()
    {
        var endpoint = IamEndpoint.For("aws", v => v == IamEndpoint.GlobalEndpointVariable ? "http://localhost:4566/" : null);

        Assert.Equal(new Uri("http://localhost:4566/"), endpoint.Url);
    }
}
