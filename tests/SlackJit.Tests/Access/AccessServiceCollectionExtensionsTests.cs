using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class AccessServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAccess_BadCatalogInConfiguration_FailsNamingTheKey()
    {
        using var services = Build(new()
        {
            ["Access:Resources:0:Name"] = "analytics",
            ["Access:Resources:0:Bucket"] = "Foo_Bar",
            ["Access:Resources:0:MaxDuration"] = "04:00:00",
            ["Access:Resources:0:Approvers:0"] = "U0123ABCD",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value);

        Assert.Contains("Access:Resources[0].Bucket \"Foo_Bar\" is not a valid S3 bucket name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAccess_GoodCatalogInConfiguration_BindsIt()
    {
        using var services = Build(new()
        {
            ["Access:PendingTimeout"] = "00:30:00",
            ["Access:Resources:0:Name"] = "analytics",
            ["Access:Resources:0:Bucket"] = "analytics-prod",
            ["Access:Resources:0:Prefix"] = "reports/",
            ["Access:Resources:0:MaxDuration"] = "02:00:00",
            ["Access:Resources:0:Approvers:0"] = "U0123ABCD",
            ["Access:Resources:0:Approvers:1"] = "S0456EFGH",
            ["Access:Resources:0:RequiredApprovals"] = "2",
        });

        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(30), options.PendingTimeout);
        var resource = Assert.Single(options.Resources);
        Assert.Equal(["U0123ABCD", "S0456EFGH"], resource.Approvers);
        Assert.Equal(2, resource.RequiredApprovals);
    }

    [Theory]
    [InlineData("MaxDuration", "4 hours", "Access:Resources:1:MaxDuration", "hh:mm:ss")]
    [InlineData("BreakGlass", "sometimes", "Access:Resources:1:BreakGlass", "true or false")]
    [InlineData("RequiredApprovals", "two", "Access:Resources:1:RequiredApprovals", "System.Int32")]
    [InlineData("Aprovers:0", "U0999ZZZZ", "Aprovers", "Access:Resources:1")]
    public void AddAccess_EntryTheBinderCannotRead_FailsNamingTheKeyInsteadOfDroppingTheEntry(
        string field, string value, string named, string hint)
    {
        // Without the check the binder leaves the unreadable entry out and the app starts with one entry fewer.
        using var services = Build(new()
        {
            ["Access:Resources:0:Name"] = "analytics",
            ["Access:Resources:0:Bucket"] = "analytics-prod",
            ["Access:Resources:0:Approvers:0"] = "U0123ABCD",
            ["Access:Resources:1:Name"] = "hr",
            ["Access:Resources:1:Bucket"] = "hr-prod",
            ["Access:Resources:1:Approvers:0"] = "U0123ABCD",
            [$"Access:Resources:1:{field}"] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A provider with <c>AddAccess</c> bound to <paramref name="settings"/> alone.</summary>
    internal static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAccess();
        return builder.Services.BuildServiceProvider();
    }
}
