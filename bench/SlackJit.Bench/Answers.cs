namespace SlackJit.Bench;

/// <summary>
/// Text that only the intended answer holds, so a run counts what it meant to measure: a refusal (over the
/// requester's limits, say) is a 200 too, but a different and cheaper path.
/// </summary>
internal static class Answers
{
    /// <summary>The bare endpoint's reply.</summary>
    public const string Bare = "ok ";

    /// <summary>The help text of <c>/s3-access help</c>.</summary>
    public const string Help = "Temporary read-only access";

    /// <summary>The acknowledgement of a created request.</summary>
    public const string Created = "is waiting for approval";
}
