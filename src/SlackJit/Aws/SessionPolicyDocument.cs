using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>
/// The session policy for a grant, from the domain's <see cref="SessionPolicy"/>. The bucket's region is
/// taken from its KMS key ARN (S3 requires the key in the bucket's region) when there is one.
/// </summary>
internal sealed class SessionPolicyDocument : ISessionPolicyFactory
{
    public string? Create(string partition, GrantScope scope, string? kmsKeyArn) =>
        SessionPolicy.Build(scope, kmsKeyArn, KmsRegion(kmsKeyArn), partition);

    /// <summary>The region of a KMS key ARN (<c>arn:aws:kms:REGION:ACCOUNT:key/ID</c>).</summary>
    internal static string? KmsRegion(string? kmsKeyArn) => SessionPolicy.RegionOfKey(kmsKeyArn);
}
