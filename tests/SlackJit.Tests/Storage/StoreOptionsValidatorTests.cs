using SlackJit.Storage;

namespace SlackJit.Tests.Storage;

public sealed class StoreOptionsValidatorTests
{
    private readonly StoreOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new StoreOptions()).Succeeded);
        Assert.True(_validator.Validate(null, new StoreOptions { Provider = StoreProvider.DynamoDb }).Succeeded);
    }

    [Theory]
    [InlineData("", "Store:Sqlite:Path is empty: set it or remove it to use data/slackjit.db.")]
    [InlineData("  ", "Store:Sqlite:Path is empty: set it or remove it to use data/slackjit.db.")]
    [InlineData("data/", "Store:Sqlite:Path 'data/' is a folder")]
    public void Validate_BadSqlitePath_NamesTheKey(string path, string expected)
    {
        var options = new StoreOptions { Sqlite = { Path = path } };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Store:DynamoDb:TableName is empty: set it or remove it to use slackjit-requests.")]
    [InlineData("ab", "Store:DynamoDb:TableName 'ab' is not a DynamoDB table name")]
    [InlineData("has space", "Store:DynamoDb:TableName 'has space' is not a DynamoDB table name")]
    public void Validate_BadTableName_NamesTheKey(string tableName, string expected)
    {
        var options = new StoreOptions { Provider = StoreProvider.DynamoDb, DynamoDb = { TableName = tableName } };

        var result = _validator.Validate(null, options);

        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Validate_TimeoutOutOfRange_NamesTheKey(int seconds)
    {
        var options = new StoreOptions { Provider = StoreProvider.DynamoDb, DynamoDb = { Timeout = TimeSpan.FromSeconds(seconds) } };

        var result = _validator.Validate(null, options);

        Assert.StartsWith("Store:DynamoDb:Timeout", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnusedProviderSection_IsNotChecked()
    {
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, DynamoDb = { TableName = "" } };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UnknownProviderNumber_SaysWhatIsAllowed()
    {
        var options = new StoreOptions { Provider = (StoreProvider)7 };

        var result = _validator.Validate(null, options);

        Assert.Equal("Store:Provider '7' is not known: use Sqlite or DynamoDb.", Assert.Single(result.Failures!));
    }
}
