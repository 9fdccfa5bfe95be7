namespace SlackJit.Slack.Api;

/// <summary>
/// A Slack Web API call failed. <see cref="Error"/> is Slack's code (<c>channel_not_found</c>, …) or one of ours
/// from <see cref="SlackErrors"/>. The message names only the method and the code: never tokens or bodies.
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, int? httpStatus = null, Exception? innerException = null)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
        HttpStatus = httpStatus;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c> (or <c>response_url</c>).</summary>
    public string Method { get; }

    /// <summary>Slack's error code or one of ours (<see cref="SlackErrors"/>).</summary>
    public string Error { get; }

    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public int? HttpStatus { get; }
}
