using SlackJit.Access;

namespace SlackJit.Grants;

/// <summary>What <see cref="CredentialDelivery.DeliverAsync"/> came to.</summary>
internal enum DeliveryStatus
{
    /// <summary>Shown in the DM and recorded.</summary>
    Recorded,

    /// <summary>A credential longer than a Slack section holds; nothing was shown.</summary>
    TooLarge,

    /// <summary>The request has no DM to show them in.</summary>
    NoDm,

    /// <summary>Shown, but the request moved on meanwhile; they were taken out again if it is final.</summary>
    Superseded,
}

/// <param name="Request">After <see cref="DeliveryStatus.Recorded"/>, as written; else as last seen.</param>
internal sealed record Delivery(DeliveryStatus Status, AccessRequest Request);
