using Amazon.SecurityToken;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackJit.Aws;

namespace SlackJit.Tests.Aws;

[Collection(nameof(AwsEnvironment))]
public sealed class AwsServiceCollectionExtensionsTests
{
    [Fact]
    public void CreateStsClient_Options_TimeoutAndSdkRetries()
    {
        var options = new AwsOptions { RoleArn = "arn:aws:iam::123456789012:role/r", CallTimeout = TimeSpan.FromSeconds(7) };

        using var client = AwsServiceCollectionExtensions.CreateStsClient(options, NullLogger.Instance);

        Assert.Equal(TimeSpan.FromSeconds(7), client.Config.Timeout);
        Assert.Equal(3, client.Config.MaxErrorRetry);
    }

    [Fact]
    public void CreateStsClient_EndpointEnvironmentVariable_HonouredBySdk()
    {
        var previous = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_STS");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:4599");
        try
        {
            using var client = AwsServiceCollectionExtensions.CreateStsClient(new AwsOptions(), NullLogger.Instance);

            Assert.Equal("http://127.0.0.1:4599", client.Config.ServiceURL?.TrimEnd('/'));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", previous);
        }
    }

    [Fact]
    public void AddAwsServices_RoleArnMissing_ValidationNamesTheKey()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAwsServices();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Contains("Aws:RoleArn is required: set Aws__RoleArn to the ARN of the read-only role grants are minted from", ex.Failures);
    }

    [Fact]
    public async Task AddAwsServices_Registered_ResolvesStsIssuerAndSdkClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Aws:RoleArn"] = "arn:aws:iam::123456789012:role/r" })
            .Build());
        services.AddLogging();
        services.AddOptions<SlackJit.Access.AccessOptions>();
        services.AddAwsServices();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.IsType<StsGrantIssuer>(provider.GetRequiredService<IGrantIssuer>());
        Assert.IsType<AmazonSecurityTokenServiceClient>(provider.GetRequiredService<IAmazonSecurityTokenService>());
    }
}
