using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using SlackJit.Access;
using Xunit.Abstractions;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

/// <summary>
/// Every policy SlackJit would issue, judged by <see cref="PolicyEvaluator"/> over generated catalogs (nested,
/// overlapping and sibling prefixes, two buckets, conditions) and requests: it reads exactly what was approved (the
/// requested prefix, minus keys that belong to more specific entries), lists nothing else, never writes, works only
/// from the entry's networks and on its tagged objects, and fits the STS limit in every partition — or the request is
/// refused before anyone is asked to approve it.
/// </summary>
public sealed class SessionPolicyPropertyTests(ITestOutputHelper output)
{
    public const int ExactGrantCases = 5_000;
    public const int ConditionCases = 3_000;
    public const int CrowdedCases = 2_500;
    public const int Total = ExactGrantCases + ConditionCases + CrowdedCases;

    private static readonly RequesterFacts Member = new(false, false, false);
    private static readonly string[] ProbeTails = ["", "x", "a", "a/x", "b/x", "ab/x", "a-b/x", "-b/x", "/x", "x/a/b/"];

    [Fact]
    public void Grant_AnyCatalogAndRequest_ReadsAndListsExactlyWhatWasApproved() =>
        Run(nameof(ExactGrantCases), ExactGrantCases, CatalogGen.CatalogAndTarget, input =>
        {
            var (catalog, bucket, prefix) = input;
            if (Decide(catalog, bucket, prefix) is not { } entry)
            {
                return;
            }

            var probe = Probe(catalog, entry, prefix, "aws");
            var context = Inside(entry);
            var nested = Nested(catalog, entry);
            foreach (var key in ProbeKeys(catalog, prefix))
            {
                var readable = key.StartsWith(prefix, StringComparison.Ordinal) && ReferenceEquals(Route(catalog, bucket, key), entry);
                Assert.True(readable == probe.CanRead(key, context), $"read {key}: expected {readable} for {Describe(catalog, bucket, prefix)}");
                Assert.False(probe.CanChangeAnything(key, context), $"write {key} for {Describe(catalog, bucket, prefix)}");
                Assert.False(new S3Probe(probe.Json, OtherBucket(bucket)).CanRead(key, context));

                foreach (var delimiter in new[] { "/", null })
                {
                    var inside = key.StartsWith(prefix, StringComparison.Ordinal) && (key.Length > 0 || prefix.Length == 0);
                    var intoNested = nested.Exists(n => key.StartsWith(n, StringComparison.Ordinal));
                    var spellsNested = delimiter != "/" && nested.Exists(n => n.StartsWith(key, StringComparison.Ordinal) && n.StartsWith(prefix, StringComparison.Ordinal));
                    var list = probe.CanList(key, delimiter, context);

                    // Never a listing that names keys of a nested entry; and as documented: with nested entries inside
                    // the grant, listings use the folder delimiter (it folds their keys into one common prefix).
                    Assert.False(list && (!inside || intoNested || spellsNested), $"list {key} ({delimiter ?? "no delimiter"}) for {Describe(catalog, bucket, prefix)}");
                    var expected = inside && !intoNested && (delimiter == "/" || !nested.Exists(n => n.StartsWith(prefix, StringComparison.Ordinal)));
                    Assert.True(list == expected, $"list {key} ({delimiter ?? "no delimiter"}): got {list} for {Describe(catalog, bucket, prefix)}");
                }
            }

            Assert.True(probe.CanList(prefix, "/", context));
        });

    [Fact]
    public void Grant_OutsideItsNetworksOrWithoutItsTags_ReadsNothing() =>
        Run(nameof(ConditionCases), ConditionCases, CatalogGen.CatalogAndTarget, input =>
        {
            var (catalog, bucket, prefix) = input;
            if (Decide(catalog, bucket, prefix) is not { } entry || !ReferenceEquals(Route(catalog, bucket, prefix + "x"), entry))
            {
                return;
            }

            var probe = Probe(catalog, entry, prefix, "aws");
            var key = prefix + "x";
            var conditions = EntryConditions.Of(entry);
            Assert.True(probe.CanRead(key, Inside(entry)));

            var noTag = Inside(entry);
            noTag.Remove(Tag);
            var wrongTag = Inside(entry);
            wrongTag[Tag] = "public";
            var tagged = conditions.RequiredObjectTags.Count == 0;
            Assert.Equal(tagged, probe.CanRead(key, noTag));
            Assert.Equal(tagged, probe.CanRead(key, wrongTag));
            Assert.True(probe.CanList(prefix, "/", noTag));

            var outsides = new[]
            {
                new Dictionary<string, string> { [Tag] = "internal", ["aws:SourceIp"] = CatalogGen.OutsideIp },
                new Dictionary<string, string> { [Tag] = "internal", ["aws:SourceVpce"] = CatalogGen.OtherEndpoint },
                new Dictionary<string, string> { [Tag] = "internal" },
            };
            foreach (var outside in outsides)
            {
                Assert.Equal(!conditions.RestrictsNetwork, probe.CanRead(key, outside));
                Assert.Equal(!conditions.RestrictsNetwork, probe.CanList(prefix, "/", outside));
            }

            // Either network suffices: an allowed endpoint works without an address, an allowed address without an endpoint.
            foreach (var endpoint in conditions.VpcEndpoints)
            {
                Assert.True(probe.CanRead(key, new Dictionary<string, string> { [Tag] = "internal", ["aws:SourceVpce"] = endpoint }));
            }

            foreach (var range in conditions.SourceIpRanges)
            {
                Assert.True(probe.CanRead(key, new Dictionary<string, string> { [Tag] = "internal", ["aws:SourceIp"] = AddressIn(range) }));
            }
        });

    [Fact]
    public void Decide_CrowdedCatalog_AcceptedGrantsFitEveryPartitionAndTheRestAreRefused() =>
        Run(nameof(CrowdedCases), CrowdedCases, CatalogGen.Crowded, input =>
        {
            var (catalog, bucket, prefix) = input;
            var decision = AccessPolicy.Decide(new ParsedRequest(bucket, prefix, TimeSpan.FromHours(1), "INC-1"), catalog, Member);
            var entry = Assert.IsType<ResourceOptions>(Route(catalog, bucket, prefix));
            var scope = GrantScope.For(catalog.Resources, entry, prefix);
            switch (decision)
            {
                case AccessDecision.Allowed allowed:
                    Assert.Same(entry, allowed.Resource);
                    foreach (var partition in SessionPolicy.Partitions)
                    {
                        var kms = entry.KmsKeyArn?.Replace("arn:aws-us-gov:", $"arn:{partition}:", StringComparison.Ordinal);
                        var policy = SessionPolicy.Build(scope, kms, SessionPolicy.RegionOfKey(kms), partition);
                        Assert.NotNull(policy);
                        Assert.InRange(policy.Length, 1, SessionPolicy.MaxLength);
                        var probe = new S3Probe(policy, bucket, partition);
                        Assert.All(scope.Excluded, n => Assert.False(probe.CanRead(n + "x")));
                    }

                    break;
                case AccessDecision.Refused refused:
                    Assert.Equal(RefusalReason.PolicyTooLarge, refused.Reason);
                    Assert.Null(SessionPolicy.Build(scope, entry.KmsKeyArn, SessionPolicy.RegionOfKey(entry.KmsKeyArn), SessionPolicy.LongestPartition));
                    break;
            }
        });

    private const string Tag = "s3:ExistingObjectTag/classification";

    private void Run<T>(string name, int count, Gen<T> gen, Action<T> property)
    {
        var ran = 0;
        var clock = Stopwatch.StartNew();
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), (T input) =>
        {
            ran++;
            property(input);
        }));

        Assert.Equal(count, ran);
        output.WriteLine($"{name}: {ran} generated cases in {clock.ElapsedMilliseconds} ms (session policy total per run: {Total}).");
    }

    /// <summary>The entry a request is made under, or null when the decision refused it (then checked to be right).</summary>
    private static ResourceOptions? Decide(AccessOptions catalog, string bucket, string prefix)
    {
        var decision = AccessPolicy.Decide(new ParsedRequest(bucket, prefix, TimeSpan.FromHours(1), "INC-1"), catalog, Member);
        var route = Route(catalog, bucket, prefix);
        if (decision is AccessDecision.Refused refused)
        {
            Assert.True(
                refused.Reason == RefusalReason.PrefixOutsideResource && route is null
                || refused.Reason == RefusalReason.InvalidPrefix && PrefixRules.Problem(prefix) is not null,
                $"{refused.Reason}: {refused.Text()}");
            return null;
        }

        var allowed = Assert.IsType<AccessDecision.Allowed>(decision);
        Assert.Same(route, allowed.Resource);
        return allowed.Resource;
    }

    private static S3Probe Probe(AccessOptions catalog, ResourceOptions entry, string prefix, string partition)
    {
        var policy = SessionPolicy.Build(GrantScope.For(catalog.Resources, entry, prefix), entry.KmsKeyArn, null, partition);
        Assert.NotNull(policy);
        Assert.InRange(policy.Length, 1, SessionPolicy.MaxLength);
        return new S3Probe(policy, entry.Bucket, partition);
    }

    /// <summary>The model: a key belongs to the most specific entry of its bucket whose prefix it starts with.</summary>
    private static ResourceOptions? Route(AccessOptions catalog, string bucket, string key) =>
        catalog.Resources.Where(r => r.Bucket == bucket && key.StartsWith(r.Prefix, StringComparison.Ordinal)).MaxBy(r => r.Prefix.Length);

    private static List<string> Nested(AccessOptions catalog, ResourceOptions entry) =>
        [.. catalog.Resources.Where(r => r != entry && r.Bucket == entry.Bucket && r.Prefix.Length > entry.Prefix.Length && r.Prefix.StartsWith(entry.Prefix, StringComparison.Ordinal)).Select(r => r.Prefix)];

    private static IEnumerable<string> ProbeKeys(AccessOptions catalog, string prefix) =>
        catalog.Resources.Select(r => r.Prefix)
            .Append(prefix)
            .Concat(Enumerable.Range(0, prefix.Length).Select(i => prefix[..i]))
            .SelectMany(p => ProbeTails.Select(t => p + t))
            .Distinct(StringComparer.Ordinal);

    /// <summary>A request from inside the entry's networks, on an object carrying its tags.</summary>
    private static Dictionary<string, string> Inside(ResourceOptions entry)
    {
        var context = new Dictionary<string, string> { [Tag] = "internal" };
        if (entry.SourceIpRanges.Count > 0)
        {
            context["aws:SourceIp"] = AddressIn(entry.SourceIpRanges[0]);
        }
        else if (entry.VpcEndpoints.Count > 0)
        {
            context["aws:SourceVpce"] = entry.VpcEndpoints[0];
        }

        return context;
    }

    private static string AddressIn(string range) => range switch
    {
        "10.0.0.0/8" => CatalogGen.InRangeIp,
        "192.168.0.0/16" => "192.168.7.7",
        "2001:db8::/32" => "2001:db8::7",
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "not one of CatalogGen.Ranges"),
    };

    private static string OtherBucket(string bucket) => bucket == CatalogGen.Buckets[0] ? CatalogGen.Buckets[1] : CatalogGen.Buckets[0];

    private static string Describe(AccessOptions catalog, string bucket, string prefix) =>
        $"{bucket}/{prefix} in [{string.Join(", ", catalog.Resources.Select(r => $"{r.Bucket}/{r.Prefix}"))}]";
}
