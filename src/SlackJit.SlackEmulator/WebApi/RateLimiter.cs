namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// Slack's per-method rate-limit tiers (calls per minute, per workspace; <c>chat.postMessage</c> about one per
/// second per channel, bursts allowed), on the workspace clock. Off unless <see cref="Enabled"/>: over the limit a
/// call gets HTTP 429 with <c>Retry-After</c>, as Slack answers.
/// </summary>
public sealed class RateLimiter(TimeProvider time)
{
    public const int Tier1 = 1;
    public const int Tier2 = 20;
    public const int Tier3 = 50;
    public const int Tier4 = 100;
    public const int PostMessagePerChannelPerMinute = 60;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = [];

    public bool Enabled { get; set; }

    /// <summary>Per-method overrides of the per-minute limit (e.g. a test making a limit small).</summary>
    public Dictionary<string, int> Overrides { get; } = [];

    /// <summary>Null when the call may go ahead; otherwise the seconds to wait.</summary>
    public int? Check(string method, string? channel)
    {
        if (!Enabled)
        {
            return null;
        }
        var limit = Overrides.TryGetValue(method, out var custom) ? custom : TierOf(method);
        var key = method == "chat.postMessage" ? $"{method}#{channel}" : method;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var calls))
            {
                _windows[key] = calls = new Queue<DateTimeOffset>();
            }
            while (calls.TryPeek(out var oldest) && now - oldest >= Window)
            {
                calls.Dequeue();
            }
            if (calls.Count >= limit)
            {
                return Math.Max(1, (int)Math.Ceiling((calls.Peek() + Window - now).TotalSeconds));
            }
            calls.Enqueue(now);
            return null;
        }
    }

    private static int TierOf(string method) => method switch
    {
        "chat.postMessage" => PostMessagePerChannelPerMinute,
        "usergroups.users.list" => Tier2,
        "chat.update" or "chat.delete" or "conversations.open" => Tier3,
        _ => Tier4,
    };
}
