namespace SlackJit.Access;

/// <summary>
/// Exactly what one grant reads: <see cref="Prefix"/> in <see cref="Bucket"/>, minus the prefixes of more specific
/// catalog entries (<see cref="Excluded"/>: each has its own approvers, so a grant under a broader entry never
/// reaches into them), under the entry's network and object-tag conditions. The session policy is written from
/// this, and the approval card and the DM show it. See docs/CATALOG.md.
/// </summary>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Prefix">The approved prefix, as requested; empty for the whole bucket.</param>
/// <param name="Excluded">Prefixes of other entries inside the grant, outermost only, in ordinal order.</param>
/// <param name="Conditions">The entry's conditions: where from, which objects.</param>
public sealed record GrantScope(string Bucket, string Prefix, IReadOnlyList<string> Excluded, EntryConditions Conditions)
{
    /// <summary>
    /// The scope of a grant for <paramref name="prefix"/> under <paramref name="entry"/>: every other entry of the bucket
    /// that is more specific than <paramref name="entry"/> and overlaps the requested prefix is excluded.
    /// </summary>
    public static GrantScope For(IEnumerable<ResourceOptions> catalog, ResourceOptions entry, string prefix)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(prefix);
        var nested = catalog
            .Where(other => other is not null && !ReferenceEquals(other, entry) && other.Name != entry.Name)
            .Where(other => other.Bucket == entry.Bucket && other.Prefix is { } p && p.Length > entry.Prefix.Length)
            .Select(other => other.Prefix)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(p, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // A prefix inside another excluded prefix is already excluded with it.
        var outermost = nested
            .Where(p => !nested.Exists(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new GrantScope(entry.Bucket, prefix, outermost, EntryConditions.Of(entry));
    }

    /// <summary>The scope of <paramref name="requested"/> under the catalog as it is now; null when its entry is gone or moved.</summary>
    public static GrantScope? Of(AccessOptions catalog, ResourceRef requested)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(requested);
        var entry = catalog.Resources.FirstOrDefault(r => r is not null && string.Equals(r.Name, requested.Name, StringComparison.OrdinalIgnoreCase));
        return entry is null || entry.Bucket != requested.Bucket ? null : For(catalog.Resources, entry, requested.Prefix);
    }

    /// <summary>A scope without exclusions or conditions.</summary>
    public static GrantScope Plain(string bucket, string prefix) => new(bucket, prefix, [], EntryConditions.None);

    /// <summary>
    /// True when an excluded prefix swallows the whole grant (the catalog gained a more specific entry for it
    /// after approval): nothing would be readable, so nothing should be issued.
    /// </summary>
    public bool CoversNothing => Excluded.Any(p => Prefix.StartsWith(p, StringComparison.Ordinal));
}
