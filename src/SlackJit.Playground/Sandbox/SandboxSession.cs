namespace SlackJit.Playground.Sandbox;

/// <summary>One set of sandbox credentials as sandbox STS issued them, with what the AssumeRole call asked for.</summary>
public sealed record SandboxSession(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    string RoleArn,
    string RoleSessionName,
    string? SourceIdentity,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    string? Policy,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expiration);
