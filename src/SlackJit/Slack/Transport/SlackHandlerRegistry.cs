namespace SlackJit.Slack.Transport;

/// <summary>
/// The registered handlers, keyed the way Slack addresses them. Two handlers claiming one key is
/// a wiring bug, so construction fails rather than picking one silently.
/// </summary>
internal sealed class SlackHandlerRegistry
{
    private readonly Dictionary<string, ISlashCommandHandler> _commands;
    private readonly Dictionary<string, IBlockActionHandler> _actions;
    private readonly Dictionary<string, IViewSubmissionHandler> _submissions;
    private readonly Dictionary<string, IViewClosedHandler> _closes;
    private readonly Dictionary<string, ISlackEventHandler> _events;

    public SlackHandlerRegistry(
        IEnumerable<ISlashCommandHandler> commands,
        IEnumerable<IBlockActionHandler> actions,
        IEnumerable<IViewSubmissionHandler> submissions,
        IEnumerable<IViewClosedHandler> closes,
        IEnumerable<ISlackEventHandler>? events = null)
    {
        // Slack lower-cases commands in its UI but a manifest may not; matching ignores case.
        _commands = Index(commands, h => h.Command, StringComparer.OrdinalIgnoreCase, "slash command");
        _actions = Index(actions, h => h.ActionId, StringComparer.Ordinal, "action_id");
        _submissions = Index(submissions, h => h.CallbackId, StringComparer.Ordinal, "view submission callback_id");
        _closes = Index(closes, h => h.CallbackId, StringComparer.Ordinal, "view closed callback_id");
        _events = Index(events ?? [], h => h.EventType, StringComparer.Ordinal, "event type");
    }

    public ISlashCommandHandler? FindCommand(string command) => _commands.GetValueOrDefault(command);

    public IBlockActionHandler? FindAction(string actionId) => _actions.GetValueOrDefault(actionId);

    public IViewSubmissionHandler? FindViewSubmission(string? callbackId) =>
        callbackId is null ? null : _submissions.GetValueOrDefault(callbackId);

    public IViewClosedHandler? FindViewClosed(string? callbackId) =>
        callbackId is null ? null : _closes.GetValueOrDefault(callbackId);

    public ISlackEventHandler? FindEvent(string eventType) => _events.GetValueOrDefault(eventType);

    private static Dictionary<string, T> Index<T>(IEnumerable<T> handlers, Func<T, string> key, StringComparer comparer, string kind)
        where T : class
    {
        var index = new Dictionary<string, T>(comparer);
        foreach (var handler in handlers)
        {
            var k = key(handler);
            if (string.IsNullOrEmpty(k))
            {
                throw new InvalidOperationException($"{handler.GetType().Name} declares an empty {kind}.");
            }
            if (!index.TryAdd(k, handler))
            {
                throw new InvalidOperationException(
                    $"{kind} '{k}' is claimed by both {index[k].GetType().Name} and {handler.GetType().Name}.");
            }
        }
        return index;
    }
}
