using System.Text.Json.Nodes;
using SlackJit.Slack.Blocks;

namespace SlackJit.Slack.Transport;

/// <summary>
/// What a command or block action handler answers with: nothing, or a message (text plus
/// optional Block Kit blocks, as nodes or written straight to JSON: <paramref name="BlocksJson"/>). It becomes the HTTP
/// response body or the Socket Mode ack payload.
/// </summary>
internal sealed record SlackResponse(
    string? Text = null, JsonArray? Blocks = null, SlackResponseType ResponseType = SlackResponseType.Ephemeral, IBlocksJson? BlocksJson = null)
{
    /// <summary>An empty 200: Slack shows nothing.</summary>
    public static SlackResponse Empty { get; } = new();

    /// <summary>
    /// The answer's JSON, rendered once when the answer never changes (<see cref="Fixed"/>), so answering with it again
    /// costs no rendering; null for an answer made per request.
    /// </summary>
    internal SlackResponseBody? Rendered { get; private init; }

    public bool IsEmpty => Text is null && Blocks is null && BlocksJson is null;

    /// <summary>Seen only by the user who acted. Include <paramref name="text"/> even with blocks: it is the fallback.</summary>
    public static SlackResponse Ephemeral(string text, JsonArray? blocks = null) => new(text, blocks);

    /// <summary>As <see cref="Ephemeral(string, JsonArray?)"/>, with blocks that write themselves.</summary>
    public static SlackResponse Ephemeral(string text, IBlocksJson blocks) => new(text, BlocksJson: blocks);

    /// <summary>
    /// An ephemeral answer that is the same every time (the help): keep the instance and answer with it again; its JSON
    /// is rendered here, once.
    /// </summary>
    public static SlackResponse Fixed(string text)
    {
        var response = Ephemeral(text);
        return response with { Rendered = SlackResponseJson.Render(response) };
    }

    /// <summary>Posted to the channel for everyone.</summary>
    public static SlackResponse InChannel(string text, JsonArray? blocks = null) => new(text, blocks, SlackResponseType.InChannel);

    // What `with` uses: every property but the rendered JSON, which belongs to the original's values only (a copy with
    // another text must be rendered afresh). A property added to the record must be copied here too (a test checks).
    private SlackResponse(SlackResponse original)
    {
        Text = original.Text;
        Blocks = original.Blocks;
        ResponseType = original.ResponseType;
        BlocksJson = original.BlocksJson;
    }
}
