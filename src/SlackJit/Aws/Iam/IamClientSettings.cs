using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace SlackJit.Aws.Iam;

/// <summary>Where IAM is for a partition and which credentials sign the calls. Production follows the SDK's conventions.</summary>
internal sealed class IamClientSettings(Func<string, IamEndpoint> endpoint, Func<CancellationToken, Task<AWSCredentials>> credentials)
{
    public Func<string, IamEndpoint> Endpoint { get; } = endpoint;

    public Func<CancellationToken, Task<AWSCredentials>> Credentials { get; } = credentials;

    /// <summary>
    /// Endpoint from <c>AWS_ENDPOINT_URL_IAM</c> (else the partition's), credentials from the SDK's default chain
    /// (environment, profile, container or instance role), resolved once and refreshed by the SDK itself.
    /// </summary>
    public static IamClientSettings FromEnvironment()
    {
        var resolved = new Lazy<Task<AWSCredentials>>(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null), LazyThreadSafetyMode.PublicationOnly);
        return new IamClientSettings(
            partition => IamEndpoint.For(partition, Environment.GetEnvironmentVariable),
            async _ =>
            {
                try
                {
                    return await resolved.Value;
                }
                catch
                {
                    // Not cached when it failed: credentials may appear later (e.g. a container role attached late).
                    resolved = new Lazy<Task<AWSCredentials>>(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null), LazyThreadSafetyMode.PublicationOnly);
                    throw;
                }
            });
    }
}
