namespace SlackJit.Aws.Iam;

/// <summary>More grants are revoked and unexpired on one role than IAM's inline policy limit can list.</summary>
internal sealed class RevocationPolicyTooLargeException(string roleName, int ids, int characters) : Exception(
    $"The revocation policy {RevocationPolicy.PolicyName} on role {roleName} would list {ids} revoked grants in {characters} characters, " +
    $"past IAM's {RevocationPolicy.MaxCharacters}-character limit for a role's inline policies: the newest revocations cannot be enforced until " +
    "older grants' credentials expire (lower Aws:MaxSessionDuration, or spread catalog entries over several roles)")
{
    public string RoleName { get; } = roleName;
}
