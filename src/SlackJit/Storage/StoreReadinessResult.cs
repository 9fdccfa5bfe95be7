namespace SlackJit.Storage;

/// <param name="IsReady">True when the store answered in time.</param>
/// <param name="Reason">Why not, in a short line that holds no secret.</param>
internal sealed record StoreReadinessResult(bool IsReady, string Reason)
{
    public static readonly StoreReadinessResult Ready = new(true, "ready");
}
