namespace SlackJit.SlackEmulator.Workspace;

/// <summary>A trigger id handed to the app with a command or click: whose, and when (they expire after 3 s).</summary>
public sealed record IssuedTrigger(string Id, string UserId, DateTimeOffset IssuedAt);
