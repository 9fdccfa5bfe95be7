namespace SlackJit.Grants;

/// <summary>What one issuing run did.</summary>
public enum IssueResult
{
    /// <summary>Not due, not in an issuable status, or another worker holds (or just won) the claim.</summary>
    NotClaimed,

    /// <summary>Credentials delivered; the request is Active.</summary>
    Activated,

    /// <summary>A transient failure; released to be claimed again later.</summary>
    Retrying,

    /// <summary>A permanent failure or attempts exhausted; the request is Failed and everyone was told.</summary>
    Failed,

    /// <summary>The claim was lost midway (the lease ran out); whoever claims next finishes it.</summary>
    Abandoned,
}
