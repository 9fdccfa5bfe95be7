namespace SlackJit;

/// <summary>
/// Every log event id SlackJit uses, in one table, so none is used twice (a test checks it). Each area owns a range;
/// the log classes (<c>[LoggerMessage]</c>) take their ids from here. Operators alert on these ids: never renumber one.
/// </summary>
internal static class LogEvents
{
    /// <summary>SlackTransport: 2100–2199.</summary>
    public static class SlackTransport
    {
        public const int SignatureRejected = 2100;
        public const int BodyTooLarge = 2101;
        public const int UnsupportedContentType = 2102;
        public const int BadRequest = 2103;
        public const int UnknownInteractionType = 2104;
        public const int EventTypeIgnored = 2105;
        public const int UnknownCommand = 2120;
        public const int UnknownAction = 2121;
        public const int UnknownCallback = 2122;
        public const int HandlerFailed = 2123;
        public const int HandlerOverran = 2124;
        public const int HandlerFailedLate = 2125;
        public const int ForeignInput = 2126;
        public const int UnknownEvent = 2127;
        public const int SocketModeOff = 2150;
        public const int OpenRefused = 2151;
        public const int OpenFailed = 2152;
        public const int Connected = 2153;
        public const int Hello = 2154;
        public const int RefreshRequested = 2155;
        public const int LinkDisabled = 2156;
        public const int ConnectionLost = 2157;
        public const int Reconnecting = 2158;
        public const int EnvelopeIgnored = 2159;
        public const int BadEnvelope = 2160;
        public const int AckFailed = 2161;
        public const int BadMessage = 2162;
    }

    /// <summary>Aws: 3000–3099.</summary>
    public static class Aws
    {
        public const int Issued = 3000;
        public const int Refused = 3001;
        public const int SigninLinkFailed = 3002;
        public const int NotIssuable = 3003;
        public const int DefaultRegion = 3004;
        public const int Assuming = 3005;
        public const int ConsoleSessionIssued = 3006;
        public const int ConsoleSessionRefused = 3007;
        public const int IamCalled = 3020;
        public const int IamRetrying = 3021;
        public const int RevocationsInPlace = 3022;
        public const int RevocationsWritten = 3023;
    }

    /// <summary>SlackApi: 3100–3199.</summary>
    public static class SlackApi
    {
        public const int Succeeded = 3100;
        public const int Failed = 3101;
        public const int Warned = 3102;
        public const int Retrying = 3103;
        public const int RefusedResponseUrl = 3104;
        public const int TokenVerified = 3110;
        public const int TokenCheckSkipped = 3111;
        public const int TokenRejected = 3112;
    }

    /// <summary>Messaging: 3200–3249.</summary>
    public static class Messaging
    {
        public const int ReplyFailed = 3200;
        public const int SlackFailed = 3201;
    }

    /// <summary>Storage: 3300–3349.</summary>
    public static class Storage
    {
        public const int SqliteReady = 3300;
        public const int TableCreated = 3301;
        public const int TtlNotEnabled = 3302;
        public const int InitializationFailed = 3303;
        public const int NotReady = 3304;
        public const int TableReady = 3305;
        public const int TableMismatch = 3306;
        public const int StartupCheckSkipped = 3307;
    }

    /// <summary>Requests: 4000–4049.</summary>
    public static class Requests
    {
        public const int UserLookupFailed = 4000;
        public const int RequestCreated = 4006;
        public const int RequestRefused = 4007;
        public const int StoreUnavailable = 4008;
        public const int DecisionApplied = 4009;
        public const int DecisionRefused = 4010;
        public const int DecisionContended = 4011;
        public const int AttemptNotRecorded = 4012;
        public const int ModalOpenFailed = 4014;
        public const int FollowUpNotQueued = 4016;
        public const int CatalogTooLongForModal = 4017;
        public const int TimedOut = 4020;
        public const int CardPostFailed = 4021;
    }

    /// <summary>Cards: 4000–4049 (shared with Requests, where the card began).</summary>
    public static class Cards
    {
        public const int GroupLookupFailed = 4001;
        public const int ApproverChannelMisconfigured = 4002;
        public const int CardPosted = 4003;
        public const int CardUpdateFailed = 4004;
        public const int CardRefsNotRecorded = 4005;
        public const int CardUpdateFailedUnexpectedly = 4018;
    }

    /// <summary>Lifecycle: 5000–5049.</summary>
    public static class Lifecycle
    {
        public const int SweepFailed = 5000;
        public const int QueueFull = 5001;
        public const int WorkFailed = 5002;
        public const int Swept = 5003;
        public const int AdvanceFailed = 5004;
        public const int Rescheduled = 5006;
        public const int SweeperDisabled = 5007;
    }

    /// <summary>Reminders (reminders, nudges and escalation of pending requests): 5150–5199.</summary>
    public static class Reminders
    {
        public const int Reminded = 5150;
        public const int ReminderNotPosted = 5151;
        public const int Escalated = 5152;
        public const int EscalationNotPosted = 5153;
        public const int Nudged = 5154;
    }

    /// <summary>BreakGlass (grants issued without approval, and their review): 5300–5349.</summary>
    public static class BreakGlass
    {
        public const int Issued = 5300;
        public const int Acknowledged = 5301;
        public const int AcknowledgeRefused = 5302;
        public const int Overdue = 5303;
        public const int CardNotPosted = 5304;
    }

    /// <summary>Extensions (more time on a live grant): 5200–5249.</summary>
    public static class Extensions
    {
        public const int Decided = 5200;
        public const int Extended = 5201;
        public const int NotExtended = 5202;
        public const int CardFailed = 5203;
    }

    /// <summary>Grants: 5050–5099.</summary>
    public static class Grants
    {
        public const int Activated = 5050;
        public const int Failed = 5051;
        public const int Retrying = 5052;
        public const int LeaseLost = 5053;
        public const int SlackFailed = 5054;
        public const int Renewed = 5055;
        public const int RenewFailed = 5056;
        public const int Closed = 5057;
        public const int NotClaimed = 5059;
        public const int Superseded = 5060;
        public const int HeartbeatLost = 5061;
        public const int ConsoleLinkSent = 5062;
        public const int ConsoleLinkFailed = 5063;
        public const int RevocationEnforced = 5064;
        public const int RevocationFailed = 5065;
        public const int RevokeRefused = 5066;
        public const int DmCleanupFailing = 5067;
        public const int DmDeleted = 5068;
        public const int DmMissing = 5069;
    }

    /// <summary>Audit (the scheduled report): 5100–5149.</summary>
    public static class Audit
    {
        public const int ReportPosted = 5100;
        public const int ReportNotPosted = 5101;
    }

    /// <summary>Home (the App Home tab): 5400–5449.</summary>
    public static class Home
    {
        public const int Published = 5400;
        public const int PublishFailed = 5401;
        public const int NotQueued = 5402;
        public const int StoreUnavailable = 5403;
        public const int TabOff = 5405;
    }

    /// <summary>Hosting: 2000–2049.</summary>
    public static class Hosting
    {
        public const int NotReady = 2000;
        public const int ReadinessWarning = 2001;
        public const int ReadyAgain = 2002;
    }
}
