namespace SlackJit.Slack.Transport;

/// <summary>Why a request's signature was accepted or refused; logged, never shown to the caller.</summary>
internal enum SignatureCheck
{
    Valid,
    NoSecret,
    MissingHeaders,
    MalformedHeaders,
    StaleTimestamp,
    Mismatch,
}
