using SlackJit.Access;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Aws;

/// <summary>Requests in the state STS is called in, for the Aws tests' catalog: presets of the one request builder.</summary>
internal static class IssuingRequests
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An Issuing request (the state STS is called in), from the one request builder, at <see cref="Now"/>.</summary>
    public static AccessRequest Approved(string resource = "logs", string bucket = "acme-logs", string prefix = "app/2025/",
        string userId = "U0123ABCD", string teamId = "T0456EFGH") =>
        AccessRequestBuilder.In(RequestStatus.Issuing)
            .WithId(Guid.CreateVersion7(Now))
            .WithRequester(userId)
            .WithResource(new ResourceRef(resource, bucket, prefix))
            .WithReason("incident 42")
            .Build() with
        {
            Requester = new SlackIdentity(userId, teamId),
            CreatedAt = Now,
            Deadline = Now.AddHours(1),
            ExpiresAt = Now.AddDays(400),
        };
}
