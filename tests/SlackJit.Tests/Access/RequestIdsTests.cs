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
