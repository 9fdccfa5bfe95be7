namespace SlackJit.Aws.Iam;

/// <summary>The inline policies of an IAM role (IAM's GetRolePolicy, PutRolePolicy, DeleteRolePolicy). Failures throw <see cref="IamException"/>.</summary>
internal interface IIamRolePolicies
{
    /// <summary>The policy document (JSON), or null when the role has no inline policy of that name.</summary>
    Task<string?> GetAsync(RoleArn role, string policyName, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the inline policy. IAM has no conditional put: the last writer wins.</summary>
    Task PutAsync(RoleArn role, string policyName, string document, CancellationToken cancellationToken);

    /// <summary>Removes the inline policy; a policy already gone is not an error.</summary>
    Task DeleteAsync(RoleArn role, string policyName, CancellationToken cancellationToken);
}
