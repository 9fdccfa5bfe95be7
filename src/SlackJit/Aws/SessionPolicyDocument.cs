using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>
/// The session policy for a grant, from the domain's <see cref="SessionPolicy"/>. The bucket's region is
/// taken from its KMS key ARN (S3 requires the key in the bucket's region) when there is one.
/// </summary>
internal sealed class SessionPolicyDocument : ISessionPolicyFactory
{
    public string Create(string partition, ResourceRef resource, string? kmsKeyArn) =>
        SessionPolicy.Build(resource.Bucket, resource.Prefix, string.IsNullOrWhiteSpace(kmsKeyArn) ? null : kmsKeyArn, KmsRegion(kmsKeyArn), partition);

    /// <summary>The region of a KMS key ARN (<c>arn:aws:kms:REGION:ACCOUNT:key/ID</c>).</summary>
    internal static string? KmsRegion(string? kmsKeyArn)
    {
        var parts = kmsKeyArn?.Trim().Split(':');
        return parts is { Length: >= 6 } && parts[2] == "kms" && parts[3].Length > 0 ? parts[3] : null;
    }
}
