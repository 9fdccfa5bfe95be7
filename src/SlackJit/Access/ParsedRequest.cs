namespace SlackJit.Access;

/// <summary>What a person asked for, before any policy: from the slash command or the modal.</summary>
/// <param name="Bucket">The S3 bucket as typed.</param>
/// <param name="Prefix">The key prefix as typed; empty for the whole bucket.</param>
/// <param name="Duration">The duration, or null for the default.</param>
/// <param name="Reason">The reason, whitespace collapsed; empty when none was given.</param>
/// <param name="BreakGlass">Issue at once without approval (<c>--break-glass</c>, or the form's checkbox).</param>
public sealed record ParsedRequest(string Bucket, string Prefix, TimeSpan? Duration, string Reason, bool BreakGlass = false);
