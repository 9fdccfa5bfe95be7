using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Deploy;

/// <summary>The example catalog docs/DEPLOY.md tells people to mount must pass SlackJit's own start-up checks.</summary>
public sealed class ExampleSettingsTests
{
    [Fact]
    public void ExampleAppsettingsProduction_Catalog_PassesTheCatalogValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Find(), "deploy", "examples", "appsettings.Production.json"))
            .Build();
        var access = configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>()!;

        var result = new AccessOptionsValidator().Validate(null, access);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Single(access.Resources);
        Assert.Equal("slackjit-requests", configuration["Store:DynamoDb:TableName"]);
    }
}
