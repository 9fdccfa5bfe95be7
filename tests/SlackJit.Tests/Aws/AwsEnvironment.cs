namespace SlackJit.Tests.Aws;

/// <summary>Tests that set process environment variables the AWS SDK reads: run alone, never in parallel.</summary>
[CollectionDefinition(nameof(AwsEnvironment), DisableParallelization = true)]
public sealed class AwsEnvironment;
