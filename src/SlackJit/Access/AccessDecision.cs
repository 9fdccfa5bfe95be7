namespace SlackJit.Access;

/// <summary>May this person ask for this? Either the request to create, or a refusal to show them.</summary>
public abstract record AccessDecision
{
    private AccessDecision()
    {
    }

    /// <param name="Resource">The most specific catalog entry that covers the request.</param>
    /// <param name="Ref">The catalog entry's name with the bucket and prefix asked for.</param>
    /// <param name="Duration">The duration asked for, or the default capped by the entry's maximum.</param>
    /// <param name="Reason">The requester's reason (may be empty when reasons are optional).</param>
    /// <param name="BreakGlass">Issued at once without approval; the approvers acknowledge it afterwards.</param>
    public sealed record Allowed(ResourceOptions Resource, ResourceRef Ref, TimeSpan Duration, string Reason, bool BreakGlass = false) : AccessDecision;

    public sealed record Refused(RefusalReason Reason, RefusalFacts Facts) : AccessDecision
    {
        public Refusal ToRefusal() => new(Reason, Facts);
    }
}
