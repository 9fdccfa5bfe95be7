using SlackJit.Access;

namespace SlackJit.Slack.Messaging;

/// <summary>Says where a request stands, for people who act on it too late ("already approved by @x").</summary>
internal static class DecisionText
{
    public static string AlreadyDecided(string id, RequestStatus status, string? decidedBy)
    {
        var by = SlackText.Mention(decidedBy);
        return status switch
        {
            RequestStatus.Approved or RequestStatus.Issuing => $"{id} was already approved by {by}.",
            RequestStatus.Active => $"{id} was already approved by {by}; access is active.",
            RequestStatus.Expired => $"{id} was approved and its access has expired.",
            RequestStatus.Ended => $"{id} was approved and its access was ended by {by}.",
            RequestStatus.Denied => $"{id} was already denied by {by}.",
            RequestStatus.Cancelled => $"{id} was cancelled by {by}.",
            RequestStatus.TimedOut => $"{id} timed out before anyone decided.",
            RequestStatus.Failed => $"{id} was approved but access could not be issued.",
            _ => $"{id} is still waiting for approval.",
        };
    }

    public static string WrongStatus(string id, RequestStatus status, string action) =>
        $"{id} is {Describe(status)}, so it cannot be {action}.";

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Pending => "waiting for approval",
        RequestStatus.Approved => "approved and waiting to be issued",
        RequestStatus.Issuing => "being issued",
        RequestStatus.Active => "active",
        RequestStatus.Expired => "expired",
        RequestStatus.Ended => "ended",
        RequestStatus.Denied => "denied",
        RequestStatus.Cancelled => "cancelled",
        RequestStatus.TimedOut => "timed out",
        RequestStatus.Failed => "failed",
        _ => status.ToString(),
    };
}
