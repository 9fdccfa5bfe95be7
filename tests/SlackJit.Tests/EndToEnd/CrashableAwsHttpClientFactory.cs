using Amazon.Runtime;

namespace SlackJit.Tests.EndToEnd;

/// <summary>Gives an AWS SDK client (STS, DynamoDB) HTTP clients that stop dead when their app crashes.</summary>
internal sealed class CrashableAwsHttpClientFactory(CrashSwitch crash) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new CrashingHttpHandler(crash) { InnerHandler = new SocketsHttpHandler() })
        {
            // A client of the SDK's own applies its Timeout; one from a factory must apply it itself.
            Timeout = clientConfig.Timeout ?? Timeout.InfiniteTimeSpan,
        };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "slackjit-harness-crashable";
}
