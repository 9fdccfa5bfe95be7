namespace SlackJit.Tests.Fakes.Aws;

/// <summary>What <see cref="FakeSts"/> does instead of (or before) answering a call.</summary>
/// <param name="Status">HTTP status of the error answer; 0 for none (a delay alone).</param>
/// <param name="Code">STS error code, e.g. <c>AccessDenied</c>.</param>
/// <param name="Type"><c>Sender</c> or <c>Receiver</c>.</param>
/// <param name="Delay">How long to wait before answering.</param>
public sealed record StsFault(int Status, string? Code, string Type = "Sender", TimeSpan Delay = default, string? Message = null)
{
    public static StsFault AccessDenied { get; } = new(403, "AccessDenied",
        Message: "User: arn:aws:sts::123456789012:assumed-role/bot/i-0 is not authorized to perform: sts:AssumeRole");

    public static StsFault Throttling { get; } = new(400, "Throttling", Message: "Rate exceeded");

    public static StsFault InternalError { get; } = new(500, "InternalFailure", "Receiver", Message: "Internal failure");

    public static StsFault Error(int status, string code, string message = "error") => new(status, code, Message: message);

    /// <summary>Waits, then answers normally (or times the caller out).</summary>
    public static StsFault Slow(TimeSpan delay) => new(0, null, Delay: delay);
}
