namespace SlackJit.Access;

/// <summary>
/// A catalog entry's conditions on every grant under it (docs/CATALOG.md): the networks requests must come from
/// (<c>aws:SourceIp</c> ranges or <c>aws:SourceVpce</c> endpoints; either one suffices) and the tags an object must
/// carry to be read (<c>s3:ExistingObjectTag/&lt;key&gt;</c>; all of them).
/// </summary>
public sealed record EntryConditions(
    IReadOnlyList<string> SourceIpRanges,
    IReadOnlyList<string> VpcEndpoints,
    IReadOnlyList<KeyValuePair<string, string>> RequiredObjectTags)
{
    public static readonly EntryConditions None = new([], [], []);

    /// <summary>Whether requests are held to some network.</summary>
    public bool RestrictsNetwork => SourceIpRanges.Count > 0 || VpcEndpoints.Count > 0;

    public static EntryConditions Of(ResourceOptions entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntryConditions(
            [.. (entry.SourceIpRanges ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())],
            [.. (entry.VpcEndpoints ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())],
            [.. (entry.RequiredObjectTags ?? []).OrderBy(t => t.Key, StringComparer.Ordinal)]);
    }
}
