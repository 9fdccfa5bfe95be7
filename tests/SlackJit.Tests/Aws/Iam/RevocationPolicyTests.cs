using System.Text.Json;
using SlackJit.Aws.Iam;

namespace SlackJit.Tests.Aws.Iam;

public sealed class RevocationPolicyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Render_Ids_DeniesEverythingToSessionsTaggedWithThem()
    {
        var document = RevocationPolicy.Render(["id-1", "id-2"], "slackjit-read");

        using var json = JsonDocument.Parse(document);
        var statement = Assert.Single(json.RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("*", statement.GetProperty("Action").GetString());
        Assert.Equal("*", statement.GetProperty("Resource").GetString());
        Assert.Equal(["id-1", "id-2"], statement.GetProperty("Condition").GetProperty("StringEquals")
            .GetProperty("aws:PrincipalTag/jit-request-id").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Ids_OfRenderedDocument_AreTheRenderedIds()
    {
        Assert.Equal(["a", "b", "c"], RevocationPolicy.Ids(RevocationPolicy.Render(["a", "b", "c"], "r")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")]
    public void Ids_NoneOrForeignDocument_IsEmpty(string? document) => Assert.Empty(RevocationPolicy.Ids(document));

    [Fact]
    public void Wanted_ExpiredAndDuplicateGrants_AreLeftOutAndTheRestSorted()
    {
        var live1 = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var live2 = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var expired = Guid.NewGuid();

        var wanted = RevocationPolicy.Wanted(
            [new(live1, Now.AddMinutes(5)), new(expired, Now), new(live2, Now.AddSeconds(1)), new(live1, Now.AddMinutes(5))], Now);

        Assert.Equal([live2.ToString(), live1.ToString()], wanted);
    }

    [Fact]
    public void Render_AsManyIdsAsFit_StaysWithinTheLimitAndOneMoreFailsClearly()
    {
        var ids = new List<string>();
        while (true)
        {
            ids.Add(Guid.NewGuid().ToString("D"));
            try
            {
                Assert.True(RevocationPolicy.Render(ids, "slackjit-read").Length <= RevocationPolicy.MaxCharacters);
            }
            catch (RevocationPolicyTooLargeException failure)
            {
                Assert.StartsWith($"The revocation policy slackjit-revoked on role slackjit-read would list {ids.Count} revoked grants", failure.Message, StringComparison.Ordinal);
                Assert.Contains("10240-character limit", failure.Message, StringComparison.Ordinal);
                break;
            }
        }
        // A GUID and its quoting take 39 characters: about 260 revoked, unexpired grants fit on one role.
        Assert.InRange(ids.Count - 1, 250, 262);
    }
}
