using Amazon;

namespace SlackJit.Aws.Iam;

/// <summary>
/// Where IAM's Query API is and which region signs for it. IAM is global per partition; the SDK convention
/// <c>AWS_ENDPOINT_URL_IAM</c> (then <c>AWS_ENDPOINT_URL</c>) overrides the address, as for every other service.
/// </summary>
internal sealed record IamEndpoint(Uri Url, RegionEndpoint SigningRegion)
{
    public const string EndpointVariable = "AWS_ENDPOINT_URL_IAM";
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    public static readonly Uri Commercial = new("https://iam.amazonaws.com/");

    /// <param name="partition">From the role ARN: <c>aws</c>, <c>aws-us-gov</c>, <c>aws-cn</c>.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static IamEndpoint For(string partition, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (url, region) = partition switch
        {
            "aws-us-gov" => (new Uri("https://iam.us-gov.amazonaws.com/"), RegionEndpoint.USGovCloudWest1),
            "aws-cn" => (new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), RegionEndpoint.CNNorth1),
            _ => (Commercial, RegionEndpoint.USEast1),
        };
        var configured = environment(EndpointVariable) ?? environment(GlobalEndpointVariable);
        if (!string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var overridden))
        {
            url = overridden.AbsolutePath.EndsWith('/') ? overridden : new Uri(overridden + "/");
        }
        return new IamEndpoint(url, region);
    }
}
