using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SlackJit.Aws;

/// <summary>An IAM role ARN taken apart: the partition decides every other ARN and host SlackJit builds.</summary>
internal sealed partial record RoleArn(string Value, string Partition, string AccountId, string Name)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out RoleArn? arn)
    {
        arn = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        arn = new RoleArn(match.Value, match.Groups["partition"].Value, match.Groups["account"].Value, match.Groups["name"].Value);
        return true;
    }

    public override string ToString() => Value;

    // Role paths and names use IAM's own character set; the partition is aws, aws-us-gov, aws-cn or another aws-*.
    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):iam::(?<account>\d{12}):role/(?<path>([\w+=,.@-]+/)*)(?<name>[\w+=,.@-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
