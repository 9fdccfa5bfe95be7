using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Hosting;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Hosting;

/// <summary>/readyz over the real store registration, on an in-memory server.</summary>
public sealed class ReadyzEndpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "slackjit-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetReadyzAsync(
        Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        before?.Invoke(builder.Services);
        builder.AddStore();
        builder.AddHosting();
        await using var app = builder.Build();
        app.MapHealth();
        await app.StartAsync();
        using var response = await app.GetTestClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        await app.StopAsync();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Readyz_SqliteStore_Returns200()
    {
        var (status, body) = await GetReadyzAsync(new() { ["Store:Sqlite:Path"] = "data/ready.db" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body);
    }

    [Fact]
    public async Task Readyz_DynamoDbThrottled_Returns503WithAShortReason()
    {
        var client = Substitute.For<IAmazonDynamoDB>().DescribesTheSchema("requests");
        client.GetItemAsync(Arg.Any<GetItemRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ProvisionedThroughputExceededException("Rate exceeded") { ErrorCode = "ProvisionedThroughputExceededException", StatusCode = HttpStatusCode.BadRequest });

        var (status, body) = await GetReadyzAsync(
            new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = "requests" },
            services => services.AddSingleton(client));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body);
    }

    [Fact]
    public async Task Readyz_DynamoDbTableWithOtherIndexes_Returns503NamingTheMissingIndexAndTheTemplate()
    {
        var definition = DynamoDbSchema.CreateTableRequest("requests");
        definition.GlobalSecondaryIndexes.RemoveAll(i => i.IndexName == DynamoDbSchema.RequesterIndex);
        var client = Substitute.For<IAmazonDynamoDB>();
        // Unreachable during the start-up check (which would refuse to start), then answering with the wrong table.
        client.DescribeTableAsync(Arg.Any<DescribeTableRequest>(), Arg.Any<CancellationToken>()).Returns(
            _ => Task.FromException<DescribeTableResponse>(new HttpRequestException("connection refused")),
            _ => Task.FromResult(new DescribeTableResponse { Table = DynamoDbTableStub.Described(definition) }));
        client.GetItemAsync(Arg.Any<GetItemRequest>(), Arg.Any<CancellationToken>()).Returns(new GetItemResponse());

        var (status, body) = await GetReadyzAsync(
            new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = "requests" },
            services => services.AddSingleton(client));

        // The body says only "not ready" (the reason, naming the index and the template, goes to the log).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body);
    }
}
