using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class AccessOptionsValidatorTests
{
    private static ResourceOptions Valid(string name = "analytics", string bucket = "analytics-prod", string prefix = "reports/") => new()
    {
        Name = name,
        Bucket = bucket,
        Prefix = prefix,
        MaxDuration = TimeSpan.FromHours(4),
        Approvers = ["U0123ABCD", "S0456EFGH"],
        RequiredApprovals = 1,
        ApproverChannel = "C0789IJKL",
        RoleArn = "arn:aws:iam::123456789012:role/slackjit-read",
        KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    };

    [Fact]
    public void Validate_DefaultsWithEmptyCatalog_FailsWithOneLineSayingWhatToAdd()
    {
        var result = Validate(new AccessOptions());

        Assert.Equal(AccessOptionsValidator.EmptyCatalog, Assert.Single(result.Failures!));
        Assert.StartsWith("Access:Resources is empty, so every request would be refused: add at least one entry", AccessOptionsValidator.EmptyCatalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodCatalog_Succeeds()
    {
        var options = new AccessOptions { Resources = [Valid(), Valid("logs", "logs.archive-2026", "")] };

        var result = Validate(options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadBucket_NamesTheKeyAndTheRule()
    {
        var result = Validate(new AccessOptions { Resources = [Valid(), Valid("other", "Foo_Bar")] });

        Assert.Equal(
            ["Access:Resources[1].Bucket \"Foo_Bar\" is not a valid S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)."],
            result.Failures);
    }

    [Theory]
    [InlineData("reports/*", "Access:Resources[0].Prefix \"reports/*\" contains a wildcard")]
    [InlineData("/reports", "Access:Resources[0].Prefix \"/reports\" starts with /")]
    [InlineData("a/../b", "Access:Resources[0].Prefix \"a/../b\" contains ..")]
    [InlineData("a\tb", "Access:Resources[0].Prefix \"ab\" contains a control")]
    public void Validate_BadPrefix_NamesTheKey(string prefix, string expected)
    {
        var failure = Assert.Single(Validate(new AccessOptions { Resources = [Valid(prefix: prefix)] }).Failures!);

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrefixOverMaxLength_NamesTheKey()
    {
        var failure = Assert.Single(Validate(new AccessOptions { Resources = [Valid(prefix: new string('p', ResourceOptions.MaxPrefixLength + 1))] }).Failures!);

        Assert.StartsWith("Access:Resources[0].Prefix", failure, StringComparison.Ordinal);
        Assert.Contains("longer than 512 characters", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrefixAtMaxLength_Succeeds()
    {
        Assert.True(Validate(new AccessOptions { Resources = [Valid(prefix: new string('p', ResourceOptions.MaxPrefixLength - 1) + "/")] }).Succeeded);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    [InlineData(720, true)]
    [InlineData(721, false)]
    public void Validate_MaxDuration_MustBeBetween15MinutesAnd12Hours(int minutes, bool ok)
    {
        var resource = Valid();
        resource.MaxDuration = TimeSpan.FromMinutes(minutes);

        var result = Validate(new AccessOptions { Resources = [resource] });

        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            Assert.StartsWith("Access:Resources[0].MaxDuration", Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_EveryResourceRule_ReportsEachKey()
    {
        var bad = new ResourceOptions
        {
            Name = "",
            Bucket = "192.168.1.1",
            Approvers = ["alice@example.com"],
            RequiredApprovals = 0,
            ApproverChannel = "#s3-approvals",
            RoleArn = "slackjit-read",
            KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:alias/s3",
        };

        var failures = Validate(new AccessOptions { Resources = [bad] }).Failures!;

        Assert.Collection(
            failures,
            f => Assert.StartsWith("Access:Resources[0].Name is required", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Access:Resources[0].Bucket \"192.168.1.1\"", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Access:Resources[0].Approvers[0] \"alice@example.com\" is not a Slack user ID", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Access:Resources[0].RequiredApprovals 0 must be at least 1", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Access:Resources[0].ApproverChannel \"#s3-approvals\"", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Access:Resources[0].RoleArn \"slackjit-read\"", f, StringComparison.Ordinal),
            f => Assert.Contains("alias ARN does not work", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoApprovers_NamesTheKey()
    {
        var resource = Valid();
        resource.Approvers = [];

        var failure = Assert.Single(Validate(new AccessOptions { Resources = [resource] }).Failures!);

        Assert.StartsWith("Access:Resources[0].Approvers is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreRequiredApprovalsThanListedUsers_Fails()
    {
        var resource = Valid();
        resource.Approvers = ["U0ALICE", "U0BOB", "U0ALICE"];
        resource.RequiredApprovals = 3;

        var failure = Assert.Single(Validate(new AccessOptions { Resources = [resource] }).Failures!);

        Assert.StartsWith("Access:Resources[0].RequiredApprovals 3 is more than the 2 distinct approvers", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreRequiredApprovalsWithAGroup_Succeeds()
    {
        var resource = Valid();
        resource.Approvers = ["U0ALICE", "S0TEAM"];
        resource.RequiredApprovals = 3;

        Assert.True(Validate(new AccessOptions { Resources = [resource] }).Succeeded);
    }

    [Fact]
    public void Validate_DuplicateNameAndTarget_Fails()
    {
        var failures = Validate(new AccessOptions { Resources = [Valid(), Valid("Analytics")] }).Failures!;

        Assert.Equal(2, failures.Count());
        Assert.Contains(failures, f => f.StartsWith("Access:Resources[1].Name \"Analytics\" is used by another resource", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Access:Resources[1] repeats bucket \"analytics-prod\" with prefix \"reports/\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SectionSettings_NameTheirKeys()
    {
        var options = new AccessOptions
        {
            PendingTimeout = TimeSpan.Zero,
            DefaultDuration = TimeSpan.FromHours(13),
            MaxPendingPerRequester = 0,
            MaxRequestsPerHour = 0,
            Retention = TimeSpan.FromHours(1),
            Resources = [Valid()],
        };

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.StartsWith("Access:PendingTimeout", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Access:DefaultDuration 13:00:00 must be between 00:15:00 and 12:00:00", failures[1], StringComparison.Ordinal);
        Assert.StartsWith("Access:MaxPendingPerRequester", failures[2], StringComparison.Ordinal);
        Assert.StartsWith("Access:MaxRequestsPerHour", failures[3], StringComparison.Ordinal);
        Assert.StartsWith("Access:Retention", failures[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/path/slackjit")]
    [InlineData("arn:aws-cn:iam::123456789012:role/slackjit")]
    public void Validate_RoleArnInOtherPartitions_Succeeds(string arn)
    {
        var resource = Valid();
        resource.RoleArn = arn;
        resource.KmsKeyArn = null;

        Assert.True(Validate(new AccessOptions { Resources = [resource] }).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(AccessOptions options) =>
        new AccessOptionsValidator().Validate(null, options);
}
