using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>Builds the inline session policy that narrows the role to one grant's scope, read-only.</summary>
internal interface ISessionPolicyFactory
{
    /// <param name="partition">From the role ARN: <c>aws</c>, <c>aws-us-gov</c>, <c>aws-cn</c>.</param>
    /// <param name="scope">The approved bucket/prefix, minus nested entries, under the entry's conditions.</param>
    /// <param name="kmsKeyArn">The key the bucket's objects are encrypted with, if any.</param>
    /// <returns>The policy, or null when it cannot fit the STS limit.</returns>
    string? Create(string partition, GrantScope scope, string? kmsKeyArn);
}
