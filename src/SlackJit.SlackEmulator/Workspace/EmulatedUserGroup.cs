namespace SlackJit.SlackEmulator.Workspace;

/// <summary>A user group (<c>S…</c>), mentioned as <c>&lt;!subteam^S…&gt;</c> and listed by <c>usergroups.users.list</c>.</summary>
public sealed record EmulatedUserGroup(string Id, string Handle, IReadOnlyList<string> Members);
