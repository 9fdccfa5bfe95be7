namespace SlackJit.Access;

/// <summary>Where SlackJit's messages about a request live, so they can be updated later.</summary>
public sealed record SlackRefs(
    string? CardChannel = null,
    string? CardTs = null,
    string? DmChannel = null,
    string? DmTs = null)
{
    public static readonly SlackRefs None = new();
}
