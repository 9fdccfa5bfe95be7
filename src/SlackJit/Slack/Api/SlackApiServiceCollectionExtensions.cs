using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Api;

internal static class SlackApiServiceCollectionExtensions
{
    /// <summary>Slack out: the Web API client with its resilience pipeline, option checks and the token check.</summary>
    public static WebApplicationBuilder AddSlackApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlackApi();
        return builder;
    }

    public static IServiceCollection AddSlackApi(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddOptions<SlackApiRetryOptions>().BindConfiguration(SlackApiRetryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackApiRetryOptions>, SlackApiRetryOptionsValidator>();

        services.AddHttpClient(SlackApiClient.HttpClientName, (provider, client) =>
            {
                var slack = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
                var retry = provider.GetRequiredService<IOptions<SlackApiRetryOptions>>().Value;
                client.BaseAddress = new Uri(slack.ApiBaseUrl, UriKind.Absolute);
                // The pipeline's timeouts govern; this only bounds reading a body after the pipeline returned.
                client.Timeout = retry.EffectiveTotalTimeout(slack.RequestTimeout) + slack.RequestTimeout;
            })
            // The default HTTP logs would print response_url addresses, which are credentials for 30 minutes.
            .RemoveAllLoggers()
            .AddResilienceHandler(SlackApiResilience.PipelineName, (pipeline, context) =>
            {
                var provider = context.ServiceProvider;
                SlackApiResilience.Configure(
                    pipeline,
                    provider.GetRequiredService<IOptions<SlackOptions>>().Value,
                    provider.GetRequiredService<IOptions<SlackApiRetryOptions>>().Value,
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackApiResilience).FullName!));
            });

        services.AddSingleton<ISlackApi, SlackApiClient>();
        services.AddHostedService<SlackTokenCheck>();
        return services;
    }
}
