using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>The remembered policy-size answers belong to one catalog: another catalog with the same names gets its own.</summary>
public sealed class PolicyFitCacheTests
{
    private static AccessOptions Catalog(int nested) => new()
    {
        Resources =
        [
            new() { Name = "all", Bucket = "acme-data", Prefix = "", Approvers = ["U0LEAD"] },
            .. Enumerable.Range(0, nested).Select(i => new ResourceOptions { Name = $"team-{i}", Bucket = "acme-data", Prefix = $"teams/team-{i:00}-data/", Approvers = ["U0X"] }),
        ],
    };

    [Fact]
    public void TooLarge_SameEntryAndPrefixInTwoCatalogs_EachAnsweredForItsOwnCatalog()
    {
        var crowded = Catalog(60);
        var roomy = Catalog(2);

        Assert.Equal(60, PolicyFitCache.TooLarge(crowded, crowded.Resources[0], "teams/"));
        Assert.Null(PolicyFitCache.TooLarge(roomy, roomy.Resources[0], "teams/"));
        Assert.Equal(60, PolicyFitCache.TooLarge(crowded, crowded.Resources[0], "teams/"));
        Assert.Null(PolicyFitCache.TooLarge(roomy, roomy.Resources[0], "teams/"));
    }

    [Fact]
    public void TooLarge_ManyPrefixesAsked_StaysRightPastItsBound()
    {
        var crowded = Catalog(60);

        for (var i = 0; i < 5000; i++)
        {
            Assert.Null(PolicyFitCache.TooLarge(crowded, crowded.Resources[0], $"other/{i}/"));
        }

        Assert.Equal(60, PolicyFitCache.TooLarge(crowded, crowded.Resources[0], "teams/"));
        Assert.Null(PolicyFitCache.TooLarge(crowded, crowded.Resources[0], "teams/team-07-data/x"));
    }
}
