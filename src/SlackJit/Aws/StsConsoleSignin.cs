using Amazon.SecurityToken;
using Microsoft.Extensions.Options;
using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>
/// A console link made at click time. Credentials are never stored, so each link needs its own STS session: the same
/// role, session name, source identity and tags as the grant (CloudTrail joins on them and revocation denies them),
/// the same session policy with every Allow bounded by the window's end, for at least STS's 15 minutes.
/// </summary>
internal sealed class StsConsoleSignin(
    IAmazonSecurityTokenService sts,
    FederationClient federation,
    ISessionPolicyFactory policies,
    IOptionsMonitor<AwsOptions> awsOptions,
    IOptionsMonitor<AccessOptions> accessOptions,
    TimeProvider time,
    ILogger<StsConsoleSignin> logger) : IConsoleSignin
{
    public async Task<ConsoleSigninOutcome> CreateAsync(AccessRequest request, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var aws = awsOptions.CurrentValue;
        var left = windowEnd - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return new ConsoleSigninOutcome(null, "The grant has ended.");
        }
        var (target, refusal) = StsGrantIssuer.Target(request, aws, accessOptions.CurrentValue);
        if (target is null)
        {
            AwsLog.NotIssuable(logger, request.Id, refusal!.Code);
            return new ConsoleSigninOutcome(null, refusal.Message);
        }
        var (entry, role) = target.Value;
        var (grantPolicy, _, notIssuable) = StsGrantIssuer.Policy(policies, request, entry, role, accessOptions.CurrentValue);
        if (grantPolicy is null)
        {
            AwsLog.NotIssuable(logger, request.Id, notIssuable!.Code);
            return new ConsoleSigninOutcome(null, notIssuable.Message);
        }

        var policy = ConsoleSessionPolicy.Until(grantPolicy, windowEnd);
        var assume = StsGrantIssuer.AssumeRequest(request, role, StsGrantIssuer.DurationSeconds(left, aws.MaxSessionDuration), policy);

        var (response, failure) = await StsGrantIssuer.AssumeAsync(sts, assume, role, aws.CallTimeout, cancellationToken);
        if (response?.Credentials is not { AccessKeyId: { } keyId, SecretAccessKey: { } secret, SessionToken: { } token })
        {
            var code = failure?.Code ?? "EmptyResponse";
            AwsLog.ConsoleSessionRefused(logger, request.Id, role.Value, code);
            return new ConsoleSigninOutcome(null, $"AWS refused a console session ({code}); try again in a minute, or use the credentials.");
        }
        AwsLog.ConsoleSessionIssued(logger, request.Id, keyId, windowEnd);

        var destination = ConsoleLinks.S3Bucket(aws.ConsoleUrl, request.Resource.Bucket, request.Resource.Prefix,
            SessionPolicyDocument.KmsRegion(entry.KmsKeyArn));
        var link = await federation.CreateLinkAsync(keyId, secret, token, destination, cancellationToken);
        if (link.Error is not null)
        {
            AwsLog.SigninLinkFailed(logger, request.Id, link.Error);
            return new ConsoleSigninOutcome(null, char.ToUpperInvariant(link.Error[0]) + link.Error[1..] + ".");
        }
        return new ConsoleSigninOutcome(link.Url, null);
    }
}
