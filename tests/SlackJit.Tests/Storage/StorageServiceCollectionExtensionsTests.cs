using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Storage.Sqlite;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "slackjit-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private WebApplication Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(settings);
        before?.Invoke(builder.Services);
        builder.AddStore();
        return builder.Build();
    }

    [Fact]
    public async Task AddStore_SqliteProviderWithRelativePath_ResolvesUnderTheContentRoot()
    {
        await using var app = Build(new() { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = "db/requests.db" });

        var store = Assert.IsType<SqliteAccessRequestStore>(app.Services.GetRequiredService<IAccessRequestStore>());

        Assert.Equal(Path.Combine(_folder, "db", "requests.db"), store.DatabasePath);
        Assert.Same(store, app.Services.GetRequiredService<IAccessRequestStore>());
    }

    [Fact]
    public async Task AddStore_DynamoDbProvider_UsesTheRegisteredClient()
    {
        var client = Substitute.For<IAmazonDynamoDB>().DescribesTheSchema("requests-test");
        client.GetItemAsync(Arg.Any<Amazon.DynamoDBv2.Model.GetItemRequest>(), Arg.Any<CancellationToken>())
            .Returns(new Amazon.DynamoDBv2.Model.GetItemResponse());
        await using var app = Build(
            new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = "requests-test" },
            services => services.AddSingleton(client));

        var store = app.Services.GetRequiredService<IAccessRequestStore>();
        await store.PingAsync(CancellationToken.None);

        Assert.IsType<DynamoDbAccessRequestStore>(store);
        await client.Received(1).GetItemAsync(
            Arg.Is<Amazon.DynamoDBv2.Model.GetItemRequest>(r => r.TableName == "requests-test"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AddStore_EmptyTableName_FailsValidationNamingTheKey()
    {
        await using var app = Build(new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = "" });

        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains("Store:DynamoDb:TableName is empty: set it or remove it to use slackjit-requests.", failure.Failures);
    }
}
