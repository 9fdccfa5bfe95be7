namespace SlackJit.Slack.Transport;

/// <summary>Answers submissions of modals with one <c>callback_id</c>. Register with <c>services.AddViewSubmissionHandler&lt;T&gt;()</c>.</summary>
internal interface IViewSubmissionHandler
{
    /// <summary>The view's <c>callback_id</c>; matched exactly.</summary>
    string CallbackId { get; }

    /// <summary><see cref="ViewSubmissionResponse.Close"/> closes the modal; <see cref="ViewSubmissionResponse.WithErrors"/> keeps it open.</summary>
    Task<ViewSubmissionResponse> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken);
}
