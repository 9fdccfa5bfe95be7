using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Tests.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Aws;

/// <summary>What reaches STS: the catalog as it is at issue time decides the nested exclusions and the conditions.</summary>
public sealed class StsGrantIssuerScopeTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    private static Dictionary<string, string?> NestedAndConditions() => new()
    {
        ["Access:Resources:2:Name"] = "logs-audit",
        ["Access:Resources:2:Bucket"] = "acme-logs",
        ["Access:Resources:2:Prefix"] = "app/audit/",
        ["Access:Resources:2:Approvers:0"] = "U0APPROVER1",
        ["Access:Resources:0:SourceIpRanges:0"] = "10.0.0.0/8",
        ["Access:Resources:0:VpcEndpoints:0"] = "vpce-1a2b3c4d",
        ["Access:Resources:0:RequiredObjectTags:classification"] = "internal",
    };

    [Fact]
    public async Task IssueAsync_NestedEntryAndConditions_PolicyDeniesTheNestedEntryAndHoldsTheConditions()
    {
        await using var aws = await AwsHarness.StartAsync(NestedAndConditions());

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(prefix: "app/"), OneHour, CancellationToken.None);

        // The DM is written from the same scope the policy was.
        var scope = Assert.IsType<IssueOutcome.Issued>(outcome).Scope;
        Assert.Equal(["Excludes app/audit/ — separate approval", "Works only from 10.0.0.0/8 or through vpce-1a2b3c4d", "Reads only objects tagged classification=internal"],
            GrantScopeText.Lines(scope));
        var probe = new S3Probe(Assert.Single(aws.Sts.Calls).Policy!, "acme-logs");
        var inside = new Dictionary<string, string> { ["aws:SourceIp"] = "10.1.1.1", ["s3:ExistingObjectTag/classification"] = "internal" };
        Assert.True(probe.CanRead("app/2025/x.log", inside));
        Assert.False(probe.CanRead("app/audit/x.log", inside));
        Assert.False(probe.CanList("app/audit/", "/", inside));
        Assert.False(probe.CanRead("app/2025/x.log", new Dictionary<string, string> { ["aws:SourceIp"] = "192.0.2.1", ["s3:ExistingObjectTag/classification"] = "internal" }));
        Assert.True(probe.CanRead("app/2025/x.log", new Dictionary<string, string> { ["aws:SourceVpce"] = "vpce-1a2b3c4d", ["s3:ExistingObjectTag/classification"] = "internal" }));
        Assert.False(probe.CanRead("app/2025/x.log", new Dictionary<string, string> { ["aws:SourceIp"] = "10.1.1.1" }));
    }

    [Fact]
    public async Task IssueAsync_NestedEntryAddedOverTheApprovedPrefix_RefusedWithoutCallingSts()
    {
        await using var aws = await AwsHarness.StartAsync(NestedAndConditions());

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(prefix: "app/audit/2025/"), OneHour, CancellationToken.None);

        var refused = Assert.IsType<IssueOutcome.Refused>(outcome);
        Assert.Equal("CatalogEntryChanged", refused.Code);
        Assert.False(refused.Transient);
        Assert.Empty(aws.Sts.Calls);
    }
}
