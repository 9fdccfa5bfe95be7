namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// A conversation: a public channel (<c>C…</c>) or the DM between the app and one user (<c>D…</c>, with
/// <see cref="DmUserId"/>). <see cref="BotIsMember"/> false makes posts fail with <c>not_in_channel</c>;
/// <see cref="IsArchived"/> makes posts and edits fail with <c>is_archived</c>.
/// </summary>
public sealed record EmulatedChannel(string Id, string Name, bool BotIsMember = true, string? DmUserId = null, bool IsArchived = false)
{
    public bool IsIm => DmUserId is not null;
}
