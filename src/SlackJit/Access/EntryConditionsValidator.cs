using System.Net;
using System.Text.RegularExpressions;

namespace SlackJit.Access;

/// <summary>Start-up checks of a catalog entry's conditions, one line per bad value naming its key.</summary>
internal static partial class EntryConditionsValidator
{
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    public static void Validate(List<string> failures, string key, ResourceOptions resource)
    {
        var ranges = resource.SourceIpRanges ?? [];
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i] is not { } range || !IsCidr(range.Trim()))
            {
                failures.Add($"{key}.SourceIpRanges[{i}] \"{InputText.Clip(ranges[i] ?? "")}\" is not a CIDR range with its host bits zero (e.g. 10.0.0.0/8 or 2001:db8::/32).");
            }
        }

        var endpoints = resource.VpcEndpoints ?? [];
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is not { } endpoint || !VpcEndpointId().IsMatch(endpoint.Trim()))
            {
                failures.Add($"{key}.VpcEndpoints[{i}] \"{InputText.Clip(endpoints[i] ?? "")}\" is not a VPC endpoint id (vpce- and 8 or 17 hex digits, e.g. vpce-1a2b3c4d).");
            }
        }

        foreach (var (tag, value) in resource.RequiredObjectTags ?? [])
        {
            if (tag.Length is 0 or > MaxTagKeyLength || !TagText().IsMatch(tag) || tag.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key}.RequiredObjectTags key \"{InputText.Clip(tag)}\" is not an S3 tag key (1–{MaxTagKeyLength} letters, digits, spaces and + - = . _ : / @; not starting with aws:).");
            }
            else if (value is null || value.Length > MaxTagValueLength || !TagText().IsMatch(value))
            {
                failures.Add($"{key}.RequiredObjectTags:{tag} \"{InputText.Clip(value ?? "")}\" is not an S3 tag value (0–{MaxTagValueLength} letters, digits, spaces and + - = . _ : / @).");
            }
        }
    }

    // IPNetwork parses "10.0.0.1/8" too (it masks the host bits): IAM would read it as 10.0.0.0/8, so ask for that.
    private static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            && IPNetwork.TryParse(text, out var network)
            && network.BaseAddress.Equals(address);
    }

    [GeneratedRegex("^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex VpcEndpointId();

    // S3's tag alphabet; * and ? would also be literal in StringEquals, but nothing here can be a policy variable.
    [GeneratedRegex(@"^[\p{L}\p{Nd} +\-=._:/@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagText();
}
