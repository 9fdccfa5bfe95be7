namespace SlackJit.Tests.Fakes;

/// <summary>A user in the fake's directory, answered by <c>users.info</c>.</summary>
public sealed record FakeSlackUser(
    string Id,
    string TeamId,
    bool IsBot = false,
    bool IsRestricted = false,
    bool IsUltraRestricted = false,
    bool Deleted = false,
    string? TimeZone = "Europe/London");
