namespace SlackJit.Access;

/// <summary>The request state machine of docs/ARCHITECTURE.md.</summary>
public enum RequestStatus
{
    Pending,
    Approved,
    Issuing,
    Active,
    Expired,
    Ended,
    Denied,
    Cancelled,
    TimedOut,
    Failed,
}

public static class RequestStatusExtensions
{
    /// <summary>Final statuses never change again.</summary>
    public static bool IsFinal(this RequestStatus status) => status is
        RequestStatus.Expired or RequestStatus.Ended or RequestStatus.Denied or
        RequestStatus.Cancelled or RequestStatus.TimedOut or RequestStatus.Failed;
}
