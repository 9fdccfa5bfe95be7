using FsCheck;
using FsCheck.Fluent;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>
/// Generated catalogs and requests for the session policy properties: folder prefixes built from a few segments
/// that are prefixes of one another (<c>a/</c>, <c>ab/</c>, <c>a-b/</c>), so entries nest, overlap as strings and sit
/// side by side; two buckets; conditions on some entries; requests at, inside, between and across entries.
/// </summary>
internal static class CatalogGen
{
    public static readonly string[] Buckets = ["acme-one", "acme-two"];
    public static readonly string[] Ranges = ["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32"];
    public static readonly string[] Endpoints = ["vpce-1a2b3c4d", "vpce-0123456789abcdef0"];
    public const string InRangeIp = "10.20.30.40";
    public const string OutsideIp = "198.51.100.7";
    public const string OtherEndpoint = "vpce-99999999";

    private static readonly string[] Segments = ["a", "b", "ab", "a-b", "x"];
    private static readonly string[] Tails = ["", "", "a", "b", "-", "/", "a/", "ab", "b/a", "-b/", "a/b"];

    public static Gen<string> Folder =>
        from depth in Gen.Choose(0, 3)
        from segments in Gen.ArrayOf(Gen.Elements(Segments), depth)
        select string.Concat(segments.Select(s => s + "/"));

    public static Gen<ResourceOptions> Entry =>
        from bucket in Gen.Frequency((4, Gen.Constant(Buckets[0])), (1, Gen.Constant(Buckets[1])))
        from prefix in Folder
        from ranges in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Ranges).Select(r => r.ToArray())))
        from endpoints in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Endpoints).Select(r => r.ToArray())))
        from tagged in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ResourceOptions
        {
            Bucket = bucket,
            Prefix = prefix,
            Approvers = ["U0APPROVER"],
            SourceIpRanges = [.. ranges],
            VpcEndpoints = [.. endpoints],
            RequiredObjectTags = tagged ? new() { ["classification"] = "internal" } : [],
        };

    /// <summary>1–7 entries, distinct by bucket and prefix (as the start-up validator demands).</summary>
    public static Gen<AccessOptions> Catalog =>
        from count in Gen.Choose(1, 7)
        from entries in Gen.ArrayOf(Entry, count)
        select new AccessOptions
        {
            Resources = [.. entries.DistinctBy(e => (e.Bucket, e.Prefix)).Select((e, i) => { e.Name = $"entry-{i}"; return e; })],
        };

    /// <summary>A bucket and prefix: often an entry's prefix with a tail, sometimes any folder with a tail.</summary>
    public static Gen<(string Bucket, string Prefix)> Target(AccessOptions catalog) =>
        from entry in Gen.Elements(catalog.Resources.ToArray())
        from useEntry in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from folder in Folder
        from tail in Gen.Elements(Tails)
        select (entry.Bucket, (useEntry ? entry.Prefix : folder) + tail);

    public static Gen<(AccessOptions Catalog, string Bucket, string Prefix)> CatalogAndTarget =>
        from catalog in Catalog
        from target in Target(catalog)
        select (catalog, target.Bucket, target.Prefix);

    /// <summary>
    /// A catalog crowded with nested entries under one folder (long names), so that some requests cannot fit the STS
    /// limit and must be refused.
    /// </summary>
    public static Gen<(AccessOptions Catalog, string Bucket, string Prefix)> Crowded =>
        from count in Gen.Choose(5, 80)
        from length in Gen.Choose(1, 40)
        from target in Gen.Elements("", "teams/", "teams/t", "teams/team-1", "teams/team-0001/")
        let catalog = new AccessOptions
        {
            Resources =
            [
                new ResourceOptions { Name = "all", Bucket = Buckets[0], Prefix = "", Approvers = ["U0LEAD"], KmsKeyArn = "arn:aws:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                .. Enumerable.Range(0, count).Select(i => new ResourceOptions
                {
                    Name = $"team-{i}",
                    Bucket = Buckets[0],
                    Prefix = $"teams/team-{i:0000}-{new string('d', length)}/",
                    Approvers = ["U0X"],
                }),
            ],
        }
        select (catalog, Buckets[0], target);
}
