using Amazon.DynamoDBv2;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// Builds the production client. Region, credentials and endpoint come from the SDK's own
/// configuration (AWS_REGION, the default credential chain, AWS_ENDPOINT_URL_DYNAMODB or
/// AWS_ENDPOINT_URL); only the per-call timeout is ours, because the HTTP default is 100 s.
/// </summary>
internal static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB Create(DynamoDbStoreOptions options) =>
        new AmazonDynamoDBClient(new AmazonDynamoDBConfig { Timeout = options.Timeout });
}
