namespace SlackJit.Tests.Fakes.Aws;

/// <summary>
/// One request as <see cref="FakeSts"/> saw it: the parsed form and the region its signature was scoped to. Only
/// requests whose SigV4 signature checked out by the stub's key are recorded.
/// </summary>
public sealed record StsCall(IReadOnlyDictionary<string, string> Form, string AuthorizationRegion)
{
    public string? Action => Get("Action");
    public string? RoleArn => Get("RoleArn");
    public string? Policy => Get("Policy");
    public int? DurationSeconds => int.TryParse(Get("DurationSeconds"), out var s) ? s : null;
    public string? SourceIdentity => Get("SourceIdentity");
    public string? RoleSessionName => Get("RoleSessionName");

    /// <summary>The <c>Tags.member.N.Key/Value</c> pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags
    {
        get
        {
            var tags = new List<KeyValuePair<string, string>>();
            for (var n = 1; Get($"Tags.member.{n}.Key") is { } key; n++)
            {
                tags.Add(new(key, Get($"Tags.member.{n}.Value") ?? ""));
            }
            return tags;
        }
    }

    private string? Get(string key) => Form.TryGetValue(key, out var v) ? v : null;
}
