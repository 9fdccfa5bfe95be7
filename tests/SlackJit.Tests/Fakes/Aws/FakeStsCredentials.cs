namespace SlackJit.Tests.Fakes.Aws;

/// <summary>A credential set <see cref="FakeSts"/> handed out; every value is random, so tests can search for leaks.</summary>
public sealed record FakeStsCredentials(
    string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string AssumedRoleId);
