
namespace SlackJit.Access;

/// <summary>The <c>Access</c> section: the catalog and the policy around it (docs/CONFIGURATION.md).</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public static readonly TimeSpan DefaultPendingTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultDefaultDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinDuration = SessionLimits.StsMinimum;
    public static readonly TimeSpan MaxDurationCeiling = SessionLimits.StsMaximum;

    /// <summary>How long a request waits for a decision before it times out. Default 1 h.</summary>
    public TimeSpan PendingTimeout { get; set; } = DefaultPendingTimeout;

    /// <summary>Duration used when the request names none. Default 1 h (capped by the resource's max).</summary>
    public TimeSpan DefaultDuration { get; set; } = DefaultDefaultDuration;

    /// <summary>Whether a reason is required. Default true.</summary>
    public bool RequireReason { get; set; } = true;

    /// <summary>Most pending requests one requester may have at once. Default 5.</summary>
    public int MaxPendingPerRequester { get; set; } = 5;

    /// <summary>Most requests one requester may create per hour. Default 20.</summary>
    public int MaxRequestsPerHour { get; set; } = 20;

    /// <summary>How long finished requests are kept (retention, DynamoDB TTL). Default 400 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Reminders in the card's thread while a request waits (<c>Access:Reminders</c>).</summary>
    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>Break-glass grants: how long the approvers have to acknowledge one, and how long one may last (<c>Access:BreakGlass</c>).</summary>
    public BreakGlassOptions BreakGlass { get; set; } = new();

    /// <summary>The catalog: what may be requested. Empty in the committed settings: the operator's to fill.</summary>
    public List<ResourceOptions> Resources { get; set; } = [];
}

/// <summary>One catalog entry (<c>Access:Resources[]</c>).</summary>
public sealed class ResourceOptions
{
    public const int MaxPrefixLength = 512;

    public string Name { get; set; } = "";
    public string Bucket { get; set; } = "";

    /// <summary>The prefix this entry covers; empty for the whole bucket.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Longest grant. Default 4 h; between 15 min and 12 h.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Slack user IDs (<c>U…</c>, <c>W…</c>) and user group IDs (<c>S…</c>).</summary>
    public List<string> Approvers { get; set; } = [];

    /// <summary>Distinct approvals needed. Default 1.</summary>
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>Channel for this entry's approval cards; else <c>Slack:ApproverChannel</c>.</summary>
    public string? ApproverChannel { get; set; }

    /// <summary>Whether a requester may approve their own request. Default false.</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>Role to assume for this entry; else <c>Aws:RoleArn</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Who may also decide once a request has waited <see cref="EscalateAfter"/>: user IDs and user group IDs.</summary>
    public List<string> EscalationApprovers { get; set; } = [];

    /// <summary>How long a request waits before its card is re-posted for the escalation approvers; null for never.</summary>
    public TimeSpan? EscalateAfter { get; set; }

    /// <summary>Channel for the escalated card; else the card's own channel.</summary>
    public string? EscalationChannel { get; set; }

    /// <summary>
    /// Whether a requester may issue this entry at once, without approval (<c>--break-glass</c>), with a reason and for
    /// at most <c>Access:BreakGlass:MaxDuration</c>; the approvers must acknowledge it afterwards. Default false.
    /// </summary>
    public bool BreakGlass { get; set; }

    /// <summary>KMS key the bucket's objects are encrypted with; adds <c>kms:Decrypt</c> via S3.</summary>
    public string? KmsKeyArn { get; set; }

    /// <summary>CIDR ranges grants work from (<c>aws:SourceIp</c>); with <see cref="VpcEndpoints"/>, either suffices. Empty: anywhere.</summary>
    public List<string> SourceIpRanges { get; set; } = [];

    /// <summary>VPC endpoint ids (<c>vpce-…</c>) grants work through (<c>aws:SourceVpce</c>). Empty: any.</summary>
    public List<string> VpcEndpoints { get; set; } = [];

    /// <summary>Tags (key → value) an object must carry to be read (<c>s3:ExistingObjectTag/&lt;key&gt;</c>). Empty: any object.</summary>
    public Dictionary<string, string> RequiredObjectTags { get; set; } = [];
}
