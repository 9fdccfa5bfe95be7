using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackJit.Aws;

namespace SlackJit.Tests.Deploy;

/// <summary>deploy/cloudformation/slackjit.yaml, read as CloudFormation reads it: who may mint the role, and what the bot may do.</summary>
public sealed class StackTemplateTests
{
    private static readonly CloudFormationTemplate Stack = CloudFormationTemplate.Load("deploy/cloudformation/slackjit.yaml");

    private static JsonObject Properties(string logicalId) => Stack.Resources[logicalId]!["Properties"]!.AsObject();

    private static IReadOnlyList<JsonObject> Statements(JsonNode? document) =>
        [.. document!["Statement"]!.AsArray().Select(s => s!.AsObject())];

    private static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(a => a!.ToString())],
        JsonValue value => [value.ToString()],
        _ => [],
    };

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/slackjit-task")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/slackjit-task")]
    [InlineData("arn:aws:iam::123456789012:user/slackjit")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/slackjit")]
    [InlineData("arn:aws-cn:iam::123456789012:role/slackjit")]
    public void BotPrincipalArn_RoleOrUser_IsAccepted(string arn) => Assert.Matches(BotPrincipalPattern(), arn);

    [Theory]
    [InlineData("arn:aws:iam::123456789012:root")]
    [InlineData("123456789012")]
    [InlineData("*")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/slackjit-task/session")]
    [InlineData("arn:aws:iam::123456789012:role/")]
    [InlineData("arn:aws:iam::123456789012:group/admins")]
    public void BotPrincipalArn_AccountOrAnythingElse_IsRefused(string arn) => Assert.DoesNotMatch(BotPrincipalPattern(), arn);

    [Fact]
    public void TrustPolicy_OnlyTheBotWithSlackJitsMarkers_MayAssumeTheRole()
    {
        var statement = Assert.Single(Statements(Properties("ReadOnlyRole")["AssumeRolePolicyDocument"]));

        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal("BotPrincipalArn", (string?)statement["Principal"]!["AWS"]!["Ref"]);
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"], Strings(statement["Action"]).Order(StringComparer.Ordinal));
        var condition = statement["Condition"]!.AsObject();
        Assert.Equal(["Null"], condition.Select(c => c.Key));
        var nulls = condition["Null"]!.AsObject();
        // The keys SlackJit sets on every AssumeRole: the source identity and its own request-id tag.
        Assert.Equal(
            new Dictionary<string, string> { ["sts:SourceIdentity"] = "false", ["aws:RequestTag/" + SessionTags.RequestIdKey] = "false" },
            nulls.ToDictionary(n => n.Key, n => n.Value!.ToString()));
    }

    [Fact]
    public void BotPolicy_MayManageInlinePoliciesOfTheReadOnlyRoleOnly()
    {
        var statements = Statements(Properties("BotPolicy")["PolicyDocument"]);
        var iam = statements.Where(s => Strings(s["Action"]).Any(a => a.StartsWith("iam:", StringComparison.Ordinal))).ToList();

        var revoke = Assert.Single(iam);
        Assert.Equal("Allow", (string?)revoke["Effect"]);
        Assert.Equal(["iam:DeleteRolePolicy", "iam:GetRolePolicy", "iam:PutRolePolicy"], Strings(revoke["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal("""{"Fn::GetAtt":["ReadOnlyRole","Arn"]}""", revoke["Resource"]!.ToJsonString());
    }

    [Fact]
    public void BotPolicy_EveryStatement_NamesItsResourcesAndNoWildcardAction()
    {
        foreach (var statement in Statements(Properties("BotPolicy")["PolicyDocument"]))
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            Assert.DoesNotContain(Strings(statement["Action"]), a => a.Contains('*', StringComparison.Ordinal));
            Assert.DoesNotContain("\"*\"", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        }
        var mint = Statements(Properties("BotPolicy")["PolicyDocument"]).Single(s => Strings(s["Action"]).Contains("sts:AssumeRole"));
        Assert.Equal("""{"Fn::GetAtt":["ReadOnlyRole","Arn"]}""", mint["Resource"]!.ToJsonString());
    }

    [Fact]
    public void ReadOnlyRole_Policies_AllowOnlyReads()
    {
        var actions = Properties("ReadOnlyRole")["Policies"]!.AsArray()
            .SelectMany(p => Statements(p!["PolicyDocument"]))
            .SelectMany(s => s.ContainsKey("Fn::If") ? [] : Strings(s["Action"]))
            .ToList();

        Assert.Equal(["s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket"], actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CloudTrail_IsOffByDefaultAndEveryPartOfItHangsOnTheParameter()
    {
        Assert.Equal("false", (string?)Stack.Parameters["EnableCloudTrail"]!["Default"]);
        Assert.Equal("""{"Fn::Equals":[{"Ref":"EnableCloudTrail"},"true"]}""", Stack.Conditions["CreateTrail"]!.ToJsonString());
        var trailParts = Stack.Resources.Where(r => r.Key.StartsWith("Trail", StringComparison.Ordinal) || (string?)r.Value!["Type"] == "AWS::CloudTrail::Trail").ToList();

        Assert.Equal(["ReadsTrail", "TrailBucket", "TrailBucketPolicy"], trailParts.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(trailParts, r => Assert.Equal("CreateTrail", (string?)r.Value!["Condition"]));
    }

    [Fact]
    public void CloudTrail_LogsReadsOfEveryCatalogBucketAndTheAssumeRoleCalls()
    {
        var selectors = Properties("ReadsTrail")["EventSelectors"]!.AsArray().Select(s => s!.AsObject()).ToList();

        Assert.Contains(selectors, s => (bool?)s["IncludeManagementEvents"] == true);
        var data = Assert.Single(selectors, s => s.ContainsKey("DataResources"));
        Assert.Equal("ReadOnly", (string?)data["ReadWriteType"]);
        var resource = Assert.Single(data["DataResources"]!.AsArray())!;
        Assert.Equal("AWS::S3::Object", (string?)resource["Type"]);
        // Each partition's branch turns BucketNames into arn:<partition>:s3:::<bucket>/ prefixes.
        var values = resource["Values"]!.ToJsonString();
        foreach (var partition in new[] { "aws", "aws-us-gov", "aws-cn" })
        {
            Assert.Contains($"\"arn:{partition}:s3:::${{B}}/\"", values, StringComparison.Ordinal);
            Assert.Contains($"\"/,arn:{partition}:s3:::\",{{\"Ref\":\"BucketNames\"}}", values, StringComparison.Ordinal);
        }
    }

    private static Regex BotPrincipalPattern() =>
        new((string?)Stack.Parameters["BotPrincipalArn"]!["AllowedPattern"] ?? throw new InvalidOperationException("no AllowedPattern"), RegexOptions.CultureInvariant);
}
