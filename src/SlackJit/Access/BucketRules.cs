namespace SlackJit.Access;

/// <summary>S3 general purpose bucket naming rules, checked before a name reaches a policy or a message.</summary>
public static class BucketRules
{
    public const string Description = "3–63 lowercase letters, digits, dots, hyphens";

    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string? name)
    {
        if (name is null || name.Length is < 3 or > 63)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return IsAlnum(name[0]) && IsAlnum(name[^1])
            && !name.Contains("..", StringComparison.Ordinal)
            && !LooksLikeIpAddress(name)
            && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static bool LooksLikeIpAddress(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}
