using System.Globalization;
using SlackJit.Access;
using SlackJit.SlackEmulator.Workspace;
using SlackJit.Storage;

namespace SlackJit.Playground.Audit;

/// <summary>
/// The audit panel's data, read from SlackJit's own store: <c>GET /playground/requests</c> lists everyone's recent
/// requests; <c>GET /playground/requests/{id}</c> gives one request's audit trail.
/// </summary>
internal static class AuditEndpoints
{
    public const int PerPerson = 20;

    public static void Map(IEndpointRouteBuilder endpoints, Func<IAccessRequestStore?> store, SlackWorkspace ws)
    {
        endpoints.MapGet("/playground/requests", async (CancellationToken ct) =>
        {
            if (store() is not { } requests)
            {
                return Results.Json(Array.Empty<object>());
            }
            var all = new List<AccessRequest>();
            foreach (var user in ws.Users())
            {
                all.AddRange(await requests.GetByRequesterAsync(new SlackIdentity(user.Id, ws.TeamId), PerPerson, ct));
            }
            return Results.Json(all.OrderByDescending(r => r.CreatedAt).Select(r => new
            {
                id = r.Id,
                shortId = r.ShortId,
                requester = r.Requester.UserId,
                resource = r.Resource.Display,
                status = r.Status.ToString(),
                createdAt = Stamp(r.CreatedAt),
            }));
        });
        endpoints.MapGet("/playground/requests/{id:guid}", async (Guid id, CancellationToken ct) =>
        {
            var request = store() is { } requests ? await requests.GetAsync(id, ct) : null;
            return request is null
                ? Results.NotFound(new { error = "no such request" })
                : Results.Json(new
                {
                    id = request.Id,
                    shortId = request.ShortId,
                    status = request.Status.ToString(),
                    events = request.Events.Select(e => new
                    {
                        at = Stamp(e.At),
                        actor = e.Actor,
                        action = e.Action,
                        from = e.From?.ToString(),
                        to = e.To.ToString(),
                        detail = e.Detail,
                    }),
                });
        });
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
