using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>Builds the inline session policy that narrows the role to one bucket/prefix, read-only.</summary>
internal interface ISessionPolicyFactory
{
    /// <param name="partition">From the role ARN: <c>aws</c>, <c>aws-us-gov</c>, <c>aws-cn</c>.</param>
    /// <param name="resource">The bucket and prefix the request was approved for.</param>
    /// <param name="kmsKeyArn">The key the bucket's objects are encrypted with, if any.</param>
    string Create(string partition, ResourceRef resource, string? kmsKeyArn);
}
