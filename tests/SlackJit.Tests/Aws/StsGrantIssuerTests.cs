using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws;

public sealed class StsGrantIssuerTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task IssueAsync_DefaultRole_SendsSignedAssumeRoleWithIdentityAndTags()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = IssuingRequests.Approved(userId: "U0123ABCD", teamId: "T0456EFGH");

        await aws.Issuer.IssueAsync(request, TimeSpan.FromMinutes(45), CancellationToken.None);

        // Recorded at all means signed with a signature that checks out (the stub refuses any other).
        var call = Assert.Single(aws.Sts.Calls);
        Assert.Equal(0, aws.Sts.RefusedCalls);
        Assert.Equal("us-east-1", call.AuthorizationRegion);
        Assert.Equal("AssumeRole", call.Action);
        Assert.Equal(AwsHarness.DefaultRole, call.RoleArn);
        Assert.Equal($"jit-{request.Id:D}", call.RoleSessionName);
        Assert.Equal(2700, call.DurationSeconds);
        Assert.Equal("U0123ABCD", call.SourceIdentity);
        Assert.Equal(
            [
                new("jit-request-id", request.Id.ToString()),
                new("slack-user", "U0123ABCD"),
                new("slack-team", "T0456EFGH"),
                new("resource", "logs"),
            ],
            call.Tags);
    }

    [Fact]
    public async Task IssueAsync_PrefixResource_SendsLeastPrivilegePolicy()
    {
        await using var aws = await AwsHarness.StartAsync();

        await aws.Issuer.IssueAsync(IssuingRequests.Approved(prefix: "app/2025/"), OneHour, CancellationToken.None);

        using var policy = JsonDocument.Parse(Assert.Single(aws.Sts.Calls).Policy!);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal("2012-10-17", policy.RootElement.GetProperty("Version").GetString());
        Assert.Equal(["Locate", "List", "Read"], statements.Select(s => s.GetProperty("Sid").GetString()));
        Assert.Equal("arn:aws:s3:::acme-logs", statements[1].GetProperty("Resource").GetString());
        Assert.Equal(["app/2025/", "app/2025/*"],
            statements[1].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("arn:aws:s3:::acme-logs/app/2025/*", statements[2].GetProperty("Resource").GetString());
    }

    [Fact]
    public async Task IssueAsync_ResourceWithRoleOverride_AssumesTheResourceRole()
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved("finance", "acme-finance", ""), OneHour, CancellationToken.None);

        Assert.IsType<IssueOutcome.Issued>(outcome);
        var call = Assert.Single(aws.Sts.Calls);
        Assert.Equal(AwsHarness.OverrideRole, call.RoleArn);
        using var policy = JsonDocument.Parse(call.Policy!);
        var decrypt = policy.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "Decrypt");
        Assert.Equal("s3.eu-west-1.amazonaws.com",
            decrypt.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
    }

    [Fact]
    public async Task IssueAsync_StsAnswers_ReturnsTheIssuedCredentials()
    {
        await using var aws = await AwsHarness.StartAsync();
        var request = IssuingRequests.Approved();

        var outcome = await aws.Issuer.IssueAsync(request, OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        var sent = Assert.Single(aws.Sts.Issued);
        Assert.Equal(sent.AccessKeyId, issued.Credentials.AccessKeyId);
        Assert.Equal(sent.SecretAccessKey, issued.Credentials.SecretAccessKey);
        Assert.Equal(sent.SessionToken, issued.Credentials.SessionToken);
        Assert.Equal($"{FakeSts.RoleId}:jit-{request.Id:D}", issued.Credentials.AssumedRoleId);
        Assert.Equal(TimeSpan.Zero, issued.Credentials.Expiration.Offset);
        Assert.InRange(issued.Credentials.Expiration - sent.Expiration, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        Assert.Null(issued.SigninError);
        Assert.NotNull(issued.Credentials.SigninUrl);
    }

    [Theory]
    [InlineData(60, 900)]          // below STS's minimum
    [InlineData(1800, 1800)]
    [InlineData(3600, 3600)]
    [InlineData(7200, 3600)]       // Aws:MaxSessionDuration is 1 h
    public async Task IssueAsync_Duration_ClampedToStsAndConfiguredLimits(int requestedSeconds, int expectedSeconds)
    {
        await using var aws = await AwsHarness.StartAsync();

        await aws.Issuer.IssueAsync(IssuingRequests.Approved(), TimeSpan.FromSeconds(requestedSeconds), CancellationToken.None);

        Assert.Equal(expectedSeconds, Assert.Single(aws.Sts.Calls).DurationSeconds);
    }

    [Theory]
    [InlineData(7200, "04:00:00", 7200)]
    [InlineData(50000, "12:00:00", 43200)]
    [InlineData(60, "00:15:00", 900)]
    public void DurationSeconds_WithinLimits_Clamped(int requestedSeconds, string maxSession, int expected) =>
        Assert.Equal(expected, StsGrantIssuer.DurationSeconds(TimeSpan.FromSeconds(requestedSeconds), TimeSpan.Parse(maxSession)));

    [Fact]
    public async Task IssueAsync_AccessDenied_RefusedPermanentlyWithTrustPolicyAdvice()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Sts.FailNext(StsFault.AccessDenied);

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal("AccessDenied", refused.Code);
        Assert.False(refused.Transient);
        Assert.StartsWith($"STS refused AssumeRole on {AwsHarness.DefaultRole}: AccessDenied.", refused.Message);
        Assert.Contains("sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession", refused.Message);
        Assert.Single(aws.Sts.Calls); // a permanent error is not retried
    }

    [Theory]
    [InlineData(400, "MalformedPolicyDocument", "MalformedPolicyDocument", "KmsKeyArn")]
    [InlineData(400, "PackedPolicyTooLarge", "PackedPolicyTooLarge", "shorter prefix")]
    [InlineData(403, "RegionDisabledException", "RegionDisabled", "AWS_REGION")]
    [InlineData(400, "ExpiredToken", "ExpiredToken", "refresh the credentials")]
    [InlineData(404, "NoSuchEntity", "NoSuchEntity", "Aws:RoleArn")]
    [InlineData(400, "ValidationError", "ValidationError", "Aws:MaxSessionDuration")]
    [InlineData(403, "InvalidClientTokenId", "InvalidClientTokenId", "credentials")]
    public async Task IssueAsync_PermanentStsError_RefusedWithAdvice(int status, string wireCode, string code, string advice)
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Sts.FailNext(StsFault.Error(status, wireCode, "detail from STS"));

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal(code, refused.Code);
        Assert.False(refused.Transient);
        Assert.Contains(advice, refused.Message);
    }

    [Fact]
    public async Task IssueAsync_ThrottledOnce_SdkRetriesAndIssues()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Sts.FailNext(StsFault.Throttling);

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        Assert.IsType<IssueOutcome.Issued>(outcome);
        Assert.Equal(2, aws.Sts.Calls.Count);
    }

    [Theory]
    [InlineData("throttled", 2, "Throttling", 3)]   // the SDK's own retries first
    [InlineData("server error", 0, "InternalFailure", 1)]
    [InlineData("too slow", 0, "Timeout", 1)]
    public async Task IssueAsync_TransientStsFailure_RefusedTransient(string fault, int stsRetries, string code, int calls)
    {
        var slow = fault == "too slow";
        // The timeout leaves room for a loaded machine to reach the stub (which answers after 10 s) before it fires.
        await using var aws = await AwsHarness.StartAsync(stsTimeout: slow ? TimeSpan.FromSeconds(2) : null, stsRetries: stsRetries);
        aws.Sts.Always = fault switch
        {
            "throttled" => StsFault.Throttling,
            "server error" => StsFault.InternalError,
            _ => StsFault.Slow(TimeSpan.FromSeconds(10)),
        };

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal(code, refused.Code);
        Assert.True(refused.Transient);
        var seen = aws.Sts.Calls;
        var described = $"{seen.Count} STS calls, {calls} expected: " +
            string.Join(" | ", seen.Select(c => $"{c.Action} {c.RoleArn} {c.RoleSessionName}")) + $"; refused before reading: {aws.Sts.RefusedCalls}";
        // Every call is this request's AssumeRole (one session name), never a stray.
        Assert.True(seen.Count > 0 && seen.All(c => c.Action == "AssumeRole" && c.RoleSessionName == seen[0].RoleSessionName), described);
        if (slow)
        {
            // A call that got no answer in time was seen sent once more below SlackJit (the same request, with the SDK's
            // retries off) in a full-suite run on a fresh clone: bounded here, not counted exactly.
            Assert.True(seen.Count <= calls + 1, described);
        }
        else
        {
            Assert.True(seen.Count == calls, described);
        }
    }

    [Fact]
    public async Task IssueAsync_StsUnreachable_RefusedTransient()
    {
        var aws = await AwsHarness.StartAsync(stsRetries: 0);
        await using (aws)
        {
            await aws.Sts.DisposeAsync(); // nothing listens on the port any more

            var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

            var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
            Assert.Equal("NetworkError", refused.Code);
            Assert.True(refused.Transient);
        }
    }

    [Fact]
    public async Task IssueAsync_CallerCancels_Throws()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Sts.Always = StsFault.Slow(TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, cts.Token));
    }

    [Fact]
    public async Task IssueAsync_CatalogEntryGone_RefusedWithoutCallingSts()
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(resource: "retired"), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal("CatalogEntryMissing", refused.Code);
        Assert.False(refused.Transient);
        Assert.Empty(aws.Sts.Calls);
    }

    [Fact]
    public async Task IssueAsync_CatalogEntryMovedToAnotherBucket_RefusedWithoutCallingSts()
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(bucket: "other-bucket"), OneHour, CancellationToken.None);

        Assert.Equal("CatalogEntryChanged", Assert.IsType<IssueOutcome.Refused>(outcome).Code);
        Assert.Empty(aws.Sts.Calls);
    }

    [Fact]
    public async Task IssueAsync_ResourceRoleArnMalformed_RefusedWithoutCallingSts()
    {
        // A catalog past start-up's checks (they would stop the app): the issuer checks the role again itself.
        await using var aws = await AwsHarness.StartAsync(
            new Dictionary<string, string?> { ["Access:Resources:0:RoleArn"] = "slackjit-read" },
            configure: o => o.Services = s => s.RemoveAll<IValidateOptions<AccessOptions>>());

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal("InvalidRoleArn", refused.Code);
        Assert.Contains("'slackjit-read'", refused.Message);
        Assert.Empty(aws.Sts.Calls);
    }

    [Fact]
    public async Task IssueAsync_UserIdOutsideStsCharset_SourceIdentityAndTagsSanitized()
    {
        await using var aws = await AwsHarness.StartAsync();

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(userId: "U01<bad>#x", teamId: "T0!"), OneHour, CancellationToken.None);

        Assert.IsType<IssueOutcome.Issued>(outcome);
        var call = Assert.Single(aws.Sts.Calls);
        Assert.Equal("U01_bad__x", call.SourceIdentity);
        Assert.Equal("U01_bad__x", call.Tags.Single(t => t.Key == "slack-user").Value);
        Assert.Equal("T0_", call.Tags.Single(t => t.Key == "slack-team").Value);
    }
}
