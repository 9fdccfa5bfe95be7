using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>Handles both submission and close of the test modal.</summary>
internal sealed class TestViewHandler(HandlerProbe probe) : IViewSubmissionHandler, IViewClosedHandler
{
    public const string Callback = "test_modal";

    public string CallbackId => Callback;

    public Task<ViewSubmissionResponse> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        probe.Submissions.Enqueue(payload);
        return probe.OnSubmission(payload, cancellationToken);
    }

    public Task HandleAsync(ViewClosedPayload payload, CancellationToken cancellationToken)
    {
        probe.Closes.Enqueue(payload);
        return Task.CompletedTask;
    }
}
