namespace SlackJit.Slack.Transport;

/// <summary><c>view.state.values</c>: input state keyed by <c>block_id</c>, then <c>action_id</c>.</summary>
internal sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackStateValue>>? Values = null)
{
    /// <summary>The entered or selected value of one input, or null when it is absent or empty.</summary>
    /// <remarks>JSON null in place of a block or an input is possible: nullable annotations do not cover dictionary values.</remarks>
    public string? Get(string blockId, string actionId) =>
        Values is not null
        && Values.TryGetValue(blockId, out var block)
        && block is not null
        && block.TryGetValue(actionId, out var state)
        && state is not null
            ? state.Effective
            : null;
}
