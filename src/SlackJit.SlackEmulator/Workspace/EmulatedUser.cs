namespace SlackJit.SlackEmulator.Workspace;

/// <summary>A member of the emulated workspace, as <c>users.info</c> answers it and the page shows it.</summary>
public sealed record EmulatedUser(
    string Id,
    string Name,
    string RealName,
    string TeamId = SlackWorkspace.DefaultTeamId,
    bool IsBot = false,
    bool IsRestricted = false,
    bool IsUltraRestricted = false,
    bool Deleted = false,
    string? TimeZone = "Europe/London",
    string? Title = null);
