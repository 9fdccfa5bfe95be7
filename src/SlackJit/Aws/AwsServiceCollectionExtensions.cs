using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SlackJit.Aws.Iam;

namespace SlackJit.Aws;

internal static class AwsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAws(this WebApplicationBuilder builder)
    {
        builder.Services.AddAwsServices();
        return builder;
    }

    /// <summary>The Aws folder's services; an <see cref="IAmazonSecurityTokenService"/> registered earlier (tests) wins.</summary>
    public static IServiceCollection AddAwsServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());

        services.TryAddSingleton<IAmazonSecurityTokenService>(sp => CreateStsClient(
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StsGrantIssuer))));

        // The federation URI holds the secret key and session token: no IHttpClientFactory request
        // logging for this client, at any level. SDK retries cover STS; Polly only covers this endpoint.
        services.AddHttpClient(FederationClient.HttpClientName)
            .RemoveAllLoggers()
            .AddResilienceHandler("federation", static (pipeline, context) =>
            {
                var aws = context.ServiceProvider.GetRequiredService<IOptions<AwsOptions>>().Value;
                // Waits on the wire are real time, as for Slack: the registry would otherwise take the TimeProvider
                // from DI, and an app clock that does not move (a test's fake clock) would hold the retry back-off
                // and disable Aws:CallTimeout, leaving the grant waiting on a federation endpoint that never answers.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(aws.CallTimeout);
            });

        // IAM (early revocation): signed by hand, no IAM SDK package. The request carries the session token: no request logging.
        services.AddHttpClient(IamQueryClient.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton(_ => IamClientSettings.FromEnvironment());
        services.TryAddSingleton<IIamRolePolicies, IamQueryClient>();

        services.TryAddSingleton<FederationClient>();
        services.TryAddSingleton<ISessionPolicyFactory, SessionPolicyDocument>();
        services.TryAddSingleton<IGrantIssuer, StsGrantIssuer>();
        services.TryAddSingleton<IConsoleSignin, StsConsoleSignin>();
        return services;
    }

    /// <summary>
    /// The STS client by the SDK's conventions: region from <c>AWS_REGION</c> (or profile), credentials
    /// from the default chain, endpoint from <c>AWS_ENDPOINT_URL_STS</c> / <c>AWS_ENDPOINT_URL</c>
    /// (ClientConfig reads those itself when ServiceURL is not set).
    /// </summary>
    internal static AmazonSecurityTokenServiceClient CreateStsClient(AwsOptions options, ILogger logger)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            // The SDK's default is HttpClient's 100 s; one slow STS call must not hold a worker that long.
            Timeout = options.CallTimeout,
            // Throttling is retried here, by the SDK, and nowhere else.
            MaxErrorRetry = 3,
        };
        if (FallbackRegionFactory.GetRegionEndpoint() is null)
        {
            // Set before any ServiceURL: setting RegionEndpoint clears an explicit ServiceURL.
            config.RegionEndpoint = RegionEndpoint.USEast1;
            AwsLog.DefaultRegion(logger, RegionEndpoint.USEast1.SystemName);
        }
        return new AmazonSecurityTokenServiceClient(config);
    }
}
