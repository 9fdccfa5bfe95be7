namespace SlackJit.Tests.Fakes.Aws;

/// <summary>One call <see cref="FakeIam"/> received: the form, and what it answered.</summary>
public sealed record IamCall(string Action, IReadOnlyDictionary<string, string> Form, int Status, string? ErrorCode);
