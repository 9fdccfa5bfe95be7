namespace SlackJit.Tests.Fakes.Aws;

/// <summary>An error <see cref="FakeIam"/> answers instead of handling a call.</summary>
public sealed record IamFault(int Status, string Code, string Message = "error")
{
    public static IamFault Throttling { get; } = new(400, "Throttling", "Rate exceeded");

    public static IamFault ServiceFailure { get; } = new(500, "ServiceFailure", "Service failure");

    public static IamFault AccessDenied { get; } = new(403, "AccessDenied", "User is not authorized to perform: iam:PutRolePolicy");
}
