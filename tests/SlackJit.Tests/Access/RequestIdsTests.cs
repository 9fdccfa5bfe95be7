using Microsoft.Extensions.Time.Testing;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class RequestIdsTests
{
    [Fact]
    public void New_LaterTime_SortsAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var first = RequestIds.New(time);
        time.Advance(TimeSpan.FromMilliseconds(5));
        var second = RequestIds.New(time);
        Assert.True(first.CompareTo(second) < 0);
        Assert.True(string.CompareOrdinal(first.ToString("D"), second.ToString("D")) < 0, "the stored text sorts by time too");
    }

    [Fact]
    public void New_IsAVersion7Guid_CarryingTheTimeInMilliseconds()
    {
        var at = DateTimeOffset.Parse("2026-11-30T04:20:57.2271831Z");
        var id = RequestIds.New(new FakeTimeProvider(at));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        // The first 48 bits, big-endian, are the Unix milliseconds (RFC 9562), as Guid.CreateVersion7 writes them.
        var hex = id.ToString("N");
        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(hex[..12], 16));
        Assert.Equal(Guid.CreateVersion7(at).ToString("N")[..13], hex[..13]);
    }

    [Fact]
    public void New_SameMillisecond_RandomBitsDiffer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var ids = Enumerable.Range(0, 1000).Select(_ => RequestIds.New(time)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The short ids people see come from the random tail: a thousand made in one millisecond stay distinct.
        Assert.True(ids.Select(RequestIds.ToShort).Distinct().Count() >= 999);
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void ToShort_Guid_IsStableAndShaped()
    {
        var id = Guid.Parse("0193a0b4-5c6d-7e8f-9a0b-1c2d3e4f5061");
        var shortId = RequestIds.ToShort(id);
        Assert.Equal(shortId, RequestIds.ToShort(id));
        Assert.Matches("^R-[0-9A-HJKMNP-TV-Z]{6}$", shortId);
    }
}
