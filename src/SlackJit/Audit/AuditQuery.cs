using SlackJit.Access;

namespace SlackJit.Audit;

/// <summary>What an export or report covers: requests created in [<see cref="From"/>, <see cref="To"/>), optionally one resource or requester.</summary>
internal sealed record AuditQuery(DateTimeOffset From, DateTimeOffset To, string? Resource = null, string? Requester = null)
{
    public bool Matches(AccessRequest request) =>
        (Resource is null || string.Equals(request.Resource.Name, Resource, StringComparison.OrdinalIgnoreCase)) &&
        (Requester is null || string.Equals(request.Requester.UserId, Requester, StringComparison.Ordinal));
}
