using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using SlackJit.Access;
using SlackJit.Telemetry;

namespace SlackJit.Aws;

/// <summary>
/// Mints a grant with STS AssumeRole: the catalog entry's role (else <c>Aws:RoleArn</c>) narrowed by
/// a session policy to the approved bucket/prefix, tagged and source-identified with the Slack user
/// so CloudTrail joins back to the request; then a console link. Every expected failure is a value.
/// </summary>
internal sealed class StsGrantIssuer(
    IAmazonSecurityTokenService sts,
    FederationClient federation,
    ISessionPolicyFactory policies,
    IOptionsMonitor<AwsOptions> awsOptions,
    IOptionsMonitor<AccessOptions> accessOptions,
    ILogger<StsGrantIssuer> logger) : IGrantIssuer
{
    public static readonly int MinDurationSeconds = (int)SessionLimits.StsMinimum.TotalSeconds;
    public static readonly int MaxDurationSeconds = (int)SessionLimits.StsMaximum.TotalSeconds;

    public async Task<IssueOutcome> IssueAsync(AccessRequest request, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartRequestSpan("aws.sts.assume_role", request.Id, ActivityKind.Client);
        var outcome = await AssumeAsync(request, duration, cancellationToken);
        if (outcome is IssueOutcome.Refused refused)
        {
            span.Fail(refused.Code);
        }
        return outcome;
    }

    private async Task<IssueOutcome> AssumeAsync(AccessRequest request, TimeSpan duration, CancellationToken cancellationToken)
    {
        var aws = awsOptions.CurrentValue;
        var (target, refusal) = Target(request, aws, accessOptions.CurrentValue);
        if (target is null)
        {
            return NotIssuable(request, refusal!.Code, refusal.Message);
        }
        var (entry, role) = target.Value;
        var (policy, scope, notIssuable) = Policy(policies, request, entry, role, accessOptions.CurrentValue);
        if (policy is null)
        {
            return NotIssuable(request, notIssuable!.Code, notIssuable.Message);
        }

        var assume = AssumeRequest(request, role, DurationSeconds(duration, aws.MaxSessionDuration), policy);
        AwsLog.Assuming(logger, request.Id, role.Value, assume.DurationSeconds ?? 0);

        var (response, failure) = await AssumeAsync(sts, assume, role, aws.CallTimeout, cancellationToken);
        if (response is null)
        {
            return Refused(request, role, failure!);
        }

        if (response.Credentials is not { AccessKeyId: { } keyId, SecretAccessKey: { } secret, SessionToken: { } token, Expiration: { } expiration })
        {
            return Refused(request, role, new IssueOutcome.Refused("EmptyResponse",
                $"STS answered AssumeRole on {role.Value} without credentials.", Transient: true));
        }

        var expires = ToUtc(expiration);
        var assumedRoleId = response.AssumedRoleUser?.AssumedRoleId ?? "";
        AwsLog.Issued(logger, request.Id, keyId, assumedRoleId, expires);

        var destination = ConsoleLinks.S3Bucket(aws.ConsoleUrl, request.Resource.Bucket, request.Resource.Prefix,
            SessionPolicyDocument.KmsRegion(entry.KmsKeyArn));
        var link = await federation.CreateLinkAsync(keyId, secret, token, destination, cancellationToken);
        if (link.Error is not null)
        {
            AwsLog.SigninLinkFailed(logger, request.Id, link.Error);
        }

        return new IssueOutcome.Issued(new IssuedCredentials(keyId, secret, token, expires, assumedRoleId, link.Url), link.Error, scope);
    }

    /// <summary>One AssumeRole; every expected failure (AWS error, network, timeout, no credentials) is a value.</summary>
    internal static async Task<(AssumeRoleResponse? Response, IssueOutcome.Refused? Refusal)> AssumeAsync(
        IAmazonSecurityTokenService sts, AssumeRoleRequest assume, RoleArn role, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        try
        {
            return (await sts.AssumeRoleAsync(assume, cancellationToken), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AmazonServiceException ex) when (ex.StatusCode == 0 && ex.InnerException is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            return (null, StsErrors.Unreachable("NetworkError", role.Value, "the connection failed or timed out"));
        }
        catch (AmazonServiceException ex)
        {
            return (null, StsErrors.FromService(ex, role.Value));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            return (null, StsErrors.Unreachable("Timeout", role.Value, $"no answer within {callTimeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException)
        {
            return (null, StsErrors.Unreachable("NetworkError", role.Value, "the connection failed"));
        }
        catch (AmazonClientException ex) when (ex.InnerException is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            return (null, StsErrors.Unreachable("NetworkError", role.Value, "the connection failed or timed out"));
        }
        catch (AmazonClientException ex)
        {
            // E.g. no credentials found in the chain: the operator must fix the environment.
            return (null, new IssueOutcome.Refused("ClientError",
                $"The AWS SDK could not call STS for AssumeRole on {role.Value}: {ex.Message}", Transient: false));
        }
    }

    /// <summary>
    /// The session policy for <paramref name="request"/> under the catalog as it is now (an entry added inside the grant
    /// since approval is excluded too), or why none can be issued. See docs/CATALOG.md.
    /// </summary>
    internal static (string? Policy, GrantScope Scope, IssueOutcome.Refused? Refusal) Policy(
        ISessionPolicyFactory policies, AccessRequest request, ResourceOptions entry, RoleArn role, AccessOptions access)
    {
        var scope = GrantScope.For(access.Resources, entry, request.Resource.Prefix);
        if (scope.CoversNothing)
        {
            return (null, scope, new("CatalogEntryChanged",
                $"A more specific catalog entry now covers {request.Resource.Display}; it needs that entry's approval.", Transient: false));
        }

        return policies.Create(role.Partition, scope, entry.KmsKeyArn) is { } policy
            ? (policy, scope, null)
            : (null, scope, new("PolicyTooLarge",
                $"The session policy for {request.Resource.Display} with its {scope.Excluded.Count} excluded prefixes is longer than STS allows.", Transient: false));
    }

    /// <summary>
    /// The catalog entry and role a request is minted from, or why it cannot be: the catalog is the authority, so an
    /// entry removed or moved to another bucket after approval grants nothing.
    /// </summary>
    internal static ((ResourceOptions Entry, RoleArn Role)? Target, IssueOutcome.Refused? Refusal) Target(
        AccessRequest request, AwsOptions aws, AccessOptions access)
    {
        var entry = access.Resources
            .FirstOrDefault(r => string.Equals(r.Name, request.Resource.Name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return (null, new("CatalogEntryMissing",
                $"The catalog has no entry named '{request.Resource.Name}' any more; the request cannot be issued.", Transient: false));
        }
        if (!string.Equals(entry.Bucket, request.Resource.Bucket, StringComparison.Ordinal))
        {
            return (null, new("CatalogEntryChanged",
                $"The catalog entry '{entry.Name}' now covers bucket '{entry.Bucket}', not '{request.Resource.Bucket}'; the request cannot be issued.", Transient: false));
        }
        var roleText = string.IsNullOrWhiteSpace(entry.RoleArn) ? aws.RoleArn : entry.RoleArn;
        if (!RoleArn.TryParse(roleText, out var role))
        {
            return (null, new("InvalidRoleArn",
                $"'{roleText}' is not a role ARN (arn:<partition>:iam::<account>:role/<name>); fix the catalog entry's RoleArn or Aws:RoleArn.", Transient: false));
        }
        return ((entry, role), null);
    }

    /// <summary>
    /// AssumeRole with SlackJit's markers: the session name, source identity and tags the role's trust policy
    /// requires, which CloudTrail joins on and early revocation matches (<c>jit-request-id</c>).
    /// </summary>
    internal static AssumeRoleRequest AssumeRequest(AccessRequest request, RoleArn role, int durationSeconds, string policy) => new()
    {
        RoleArn = role.Value,
        RoleSessionName = SessionName(request.Id),
        DurationSeconds = durationSeconds,
        Policy = policy,
        SourceIdentity = SessionTags.SourceIdentity(request.Requester.UserId),
        Tags =
        [
            new Tag { Key = SessionTags.RequestIdKey, Value = request.Id.ToString() },
            new Tag { Key = SessionTags.SlackUserKey, Value = SessionTags.TagValue(request.Requester.UserId) },
            new Tag { Key = SessionTags.SlackTeamKey, Value = SessionTags.TagValue(request.Requester.TeamId) },
            new Tag { Key = SessionTags.ResourceKey, Value = SessionTags.TagValue(request.Resource.Name) },
        ],
    };

    /// <summary><c>jit-</c> + a 36-character Guid: 40 characters of <c>[\w+=,.@-]</c>, unique per request, seen in every CloudTrail event.</summary>
    internal static string SessionName(Guid requestId) => "jit-" + requestId.ToString("D");

    /// <summary>What the caller asked for, within STS's 15 min–12 h and the configured maximum.</summary>
    internal static int DurationSeconds(TimeSpan requested, TimeSpan maxSession)
    {
        var max = (int)Math.Clamp(maxSession.TotalSeconds, MinDurationSeconds, MaxDurationSeconds);
        return (int)Math.Clamp(requested.TotalSeconds, MinDurationSeconds, max);
    }

    private static DateTimeOffset ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private IssueOutcome.Refused Refused(AccessRequest request, RoleArn role, IssueOutcome.Refused refused)
    {
        AwsLog.Refused(logger, request.Id, role.Value, refused.Code, refused.Transient);
        return refused;
    }

    private IssueOutcome.Refused NotIssuable(AccessRequest request, string code, string message)
    {
        AwsLog.NotIssuable(logger, request.Id, code);
        return new IssueOutcome.Refused(code, message, Transient: false);
    }
}
