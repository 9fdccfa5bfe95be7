using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Grants;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Lifecycle;

/// <summary>One whole grant lifecycle on the DynamoDB store (dynalite: the real wire protocol, conditional writes, the due index).</summary>
public sealed class DynamoDbLifecycleTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task Lifecycle_OnDynamoDb_IssuesRenewsExpiresAndKeepsSecretsOutOfTheTable()
    {
        var table = "lifecycle-" + Guid.NewGuid().ToString("N");
        using var client = dynalite.CreateClient();
        // The table is made ready before the app starts, so the test waits for ACTIVE only once.
        using (var setup = new DynamoDbAccessRequestStore(
            () => client, new DynamoDbStoreOptions { TableName = table, CreateTableIfMissing = true },
            NullLogger<DynamoDbAccessRequestStore>.Instance))
        {
            await setup.InitializeAsync(Ct);
        }
        await using var app = await StartAsync(o =>
        {
            o.Settings["Store:Provider"] = "DynamoDb";
            o.Settings["Store:DynamoDb:TableName"] = table;
            o.Settings["Store:DynamoDb:CreateTableIfMissing"] = "true";
            o.Services = services => services.AddSingleton<IAmazonDynamoDB>(dynalite.CreateClient());
        });
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        // Two replicas' sweeps at once: one claim, one STS call.
        await Task.WhenAll(Task.Run(app.SweepAsync), Task.Run(app.SweepAsync));
        var active = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Single(app.Harness.Sts.Calls);

        app.Harness.Time.Advance(TimeSpan.FromMinutes(50));
        await app.ClickAsync(GrantActionIds.Renew, approved.Id);
        await app.WaitForAsync(approved.Id, r => r.Grant?.Issues == 2);

        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { [DynamoDbSchema.Pk] = new AttributeValue { S = DynamoDbItem.Key(approved.Id) } },
            ConsistentRead = true,
        })).Item;
        var raw = string.Join("\n", item.Values.SelectMany(Strings));
        var renewed = await app.GetAsync(approved.Id);
        Assert.Contains(renewed.Grant!.AccessKeyId, raw, StringComparison.Ordinal);
        foreach (var credentials in app.Harness.Sts.Issued)
        {
            Assert.DoesNotContain(credentials.SecretAccessKey, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(credentials.SessionToken, raw, StringComparison.Ordinal);
        }

        app.Harness.Time.Advance(TimeSpan.FromMinutes(70));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(RequestStatus.Expired, (await app.GetAsync(approved.Id)).Status);
        Assert.DoesNotContain(app.Harness.Sts.Issued[1].SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
        Assert.Empty(await app.Store.GetDueAsync(app.Harness.Time.GetUtcNow(), 10, Ct));
    }

    /// <summary>Every string in an attribute, nested lists and maps included.</summary>
    private static IEnumerable<string> Strings(AttributeValue value) =>
        new[] { value.S, value.N }.OfType<string>()
            .Concat((value.L ?? []).SelectMany(Strings))
            .Concat((value.M ?? []).Values.SelectMany(Strings));
}
