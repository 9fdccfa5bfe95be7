using System.Text.Json.Nodes;

namespace SlackJit.Slack.Transport;

/// <summary>
/// What a view submission handler answers with: close the modal (empty body), show inline errors
/// per <c>block_id</c>, or replace/push/clear views (<c>response_action</c>).
/// </summary>
internal sealed record ViewSubmissionResponse
{
    private ViewSubmissionResponse(string? responseAction, IReadOnlyDictionary<string, string>? errors = null, JsonObject? view = null)
    {
        ResponseAction = responseAction;
        Errors = errors;
        View = view;
    }

    /// <summary>Empty body: Slack closes the modal.</summary>
    public static ViewSubmissionResponse Close { get; } = new(responseAction: null);

    /// <summary>Closes every view in the stack.</summary>
    public static ViewSubmissionResponse Clear { get; } = new("clear");

    /// <summary>null when the modal just closes; otherwise <c>errors</c>, <c>update</c>, <c>push</c> or <c>clear</c>.</summary>
    public string? ResponseAction { get; }

    public IReadOnlyDictionary<string, string>? Errors { get; }

    public JsonObject? View { get; }

    /// <summary>Keeps the modal open and shows each message under the input block with that <c>block_id</c>.</summary>
    public static ViewSubmissionResponse WithErrors(IReadOnlyDictionary<string, string> errors) =>
        errors.Count == 0 ? Close : new("errors", errors: errors);

    public static ViewSubmissionResponse Update(JsonObject view) => new("update", view: view);

    public static ViewSubmissionResponse Push(JsonObject view) => new("push", view: view);
}
