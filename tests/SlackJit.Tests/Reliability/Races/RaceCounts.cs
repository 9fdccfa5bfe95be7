namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// How much racing and crashing the suite does, so RELIABILITY.md can quote it. Every test also writes what it
/// did (clicks fired, winners, requests swept) to its test output.
/// </summary>
public static class RaceCounts
{
    /// <summary>Approve clicks fired at one request at once, split between two approvers.</summary>
    public const int ApproveClicksPerRace = 20;

    /// <summary>Approve races per store layout (SQLite one host; DynamoDB two hosts).</summary>
    public const int ApproveRaces = 3;

    /// <summary>Approve clicks and deny submissions fired at one request at once.</summary>
    public const int ApproveVsDenyClicksEach = 10;

    /// <summary>Approve-versus-deny races.</summary>
    public const int ApproveVsDenyRaces = 6;

    /// <summary>Renew clicks fired at one active grant at once.</summary>
    public const int RenewClicksPerRace = 10;

    /// <summary>Renew races.</summary>
    public const int RenewRaces = 3;

    /// <summary>Due requests the two replicas' sweepers race over: Approved to issue, Pending past deadline, Active past window.</summary>
    public const int SweptApproved = 8;
    public const int SweptPending = 6;
    public const int SweptActive = 6;

    /// <summary>Sweep rounds in which both replicas sweep at once.</summary>
    public const int SweepRounds = 4;
}
