using Microsoft.Extensions.Time.Testing;
using SlackJit.Cards;

namespace SlackJit.Tests.Cards;

public sealed class TimedCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void TryGet_AfterTtl_Misses()
    {
        var cache = new TimedCache<int>(_time, TimeSpan.FromMinutes(5));
        cache.Set("U1", 1);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(cache.TryGet("U1", out _));
    }

    [Fact]
    public void Set_AtCapacity_KeepsRecentEntriesAndStaysBounded()
    {
        var cache = new TimedCache<int>(_time, TimeSpan.FromMinutes(5), capacity: 100);
        for (var i = 0; i < 100; i++)
        {
            cache.Set($"U{i}", i);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        cache.Set("U-new", 1);

        Assert.True(cache.Count <= 100);
        Assert.True(cache.TryGet("U-new", out _));
        // The newest entries survive the trim; only the oldest tenth goes.
        Assert.True(cache.TryGet("U99", out _));
        Assert.True(cache.TryGet("U50", out _));
        Assert.False(cache.TryGet("U0", out _));
    }

    [Fact]
    public void Set_AtCapacityWithExpiredEntries_DropsExpiredFirst()
    {
        var cache = new TimedCache<int>(_time, TimeSpan.FromMinutes(5), capacity: 10);
        for (var i = 0; i < 5; i++)
        {
            cache.Set($"old{i}", i);
        }
        _time.Advance(TimeSpan.FromMinutes(6));
        for (var i = 0; i < 5; i++)
        {
            cache.Set($"new{i}", i);
        }

        cache.Set("newest", 1);

        Assert.Equal(6, cache.Count);
        Assert.True(cache.TryGet("new0", out _));
    }
}
