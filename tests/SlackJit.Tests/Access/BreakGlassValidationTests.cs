using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary><c>Access:BreakGlass</c> checked at start-up, one line naming the key.</summary>
public sealed class BreakGlassValidationTests
{
    private static AccessOptions Options(Action<BreakGlassOptions> change)
    {
        var options = new AccessOptions
        {
            Resources = [new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Approvers = ["U0123ABCD"], BreakGlass = true }],
        };
        change(options.BreakGlass);
        return options;
    }

    private static IReadOnlyList<string> Failures(AccessOptions options) =>
        new AccessOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_SectionNull_FailsNamingTheKey()
    {
        var options = Options(_ => { });
        options.BreakGlass = null!;

        Assert.Equal("Access:BreakGlass must be a section (ReviewWithin, MaxDuration) or left out for the defaults, not null.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void Validate_Defaults_SucceedWithADayToReviewAndAnHourAtMost()
    {
        Assert.Empty(Failures(Options(_ => { })));
        Assert.Equal(TimeSpan.FromHours(24), new AccessOptions().BreakGlass.ReviewWithin);
        Assert.Equal(TimeSpan.FromHours(1), new AccessOptions().BreakGlass.MaxDuration);
        Assert.False(new ResourceOptions().BreakGlass);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("31.00:00:00")]
    public void Validate_ReviewWithinNotPositiveOrOverAMonth_NamesTheKey(string value)
    {
        var failure = Assert.Single(Failures(Options(b => b.ReviewWithin = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.StartsWith($"Access:BreakGlass:ReviewWithin {TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)} must be more than 0 and at most 30.00:00:00", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReviewWithinLongerThanRetention_NamesBothKeys()
    {
        var options = Options(b => b.ReviewWithin = TimeSpan.FromDays(3));
        options.Retention = TimeSpan.FromDays(2);

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith("Access:BreakGlass:ReviewWithin 3.00:00:00 must not be longer than Access:Retention (2.00:00:00)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortestRetentionWithTheDefaultReview_Succeeds()
    {
        var options = Options(_ => { });
        options.Retention = TimeSpan.FromDays(1);

        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData("00:10:00")]
    [InlineData("12:00:01")]
    public void Validate_MaxDurationOutsideSessionLimits_NamesTheKey(string value)
    {
        var failure = Assert.Single(Failures(Options(b => b.MaxDuration = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal($"Access:BreakGlass:MaxDuration {value} must be between 00:15:00 and 12:00:00.", failure);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("30.00:00:00")]
    public void Validate_AnyPositiveReviewWithinUpToAMonth_Succeeds(string value)
    {
        Assert.Empty(Failures(Options(b => b.ReviewWithin = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void AddAccess_BreakGlassSettingsInConfiguration_BindTheEntryFlagAndTheSection()
    {
        using var services = Build(new()
        {
            ["Access:BreakGlass:ReviewWithin"] = "08:00:00",
            ["Access:BreakGlass:MaxDuration"] = "00:30:00",
            ["Access:Resources:0:BreakGlass"] = "true",
        });

        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(8), options.BreakGlass.ReviewWithin);
        Assert.Equal(TimeSpan.FromMinutes(30), options.BreakGlass.MaxDuration);
        Assert.True(Assert.Single(options.Resources).BreakGlass);
    }

    [Fact]
    public void AddAccess_BadBreakGlassSettingInConfiguration_FailsNamingTheKey()
    {
        using var services = Build(new() { ["Access:BreakGlass:MaxDuration"] = "1.00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value);

        Assert.Equal("Access:BreakGlass:MaxDuration 1.00:00:00 must be between 00:15:00 and 12:00:00.", Assert.Single(error.Failures));
    }

    // One valid entry under the settings of the test.
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        AccessServiceCollectionExtensionsTests.Build(new Dictionary<string, string?>
        {
            ["Access:Resources:0:Name"] = "analytics",
            ["Access:Resources:0:Bucket"] = "analytics-prod",
            ["Access:Resources:0:Approvers:0"] = "U0123ABCD",
        }.Concat(settings).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value));
}
