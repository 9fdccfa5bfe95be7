using System.Globalization;

namespace SlackJit.Playground.Time;

/// <summary><c>GET /playground/time</c> and <c>POST /playground/time/advance?minutes=N</c> (1 to 1440).</summary>
internal static class TimeEndpoints
{
    public const int MaxMinutes = 24 * 60;

    public static void Map(IEndpointRouteBuilder endpoints, PlaygroundClock clock, Action onMoved)
    {
        endpoints.MapGet("/playground/time", () => Now(clock));
        endpoints.MapPost("/playground/time/advance", (int minutes) =>
        {
            if (minutes is < 1 or > MaxMinutes)
            {
                return Results.BadRequest(new { error = $"minutes must be between 1 and {MaxMinutes}" });
            }
            clock.Advance(TimeSpan.FromMinutes(minutes));
            onMoved();
            return Results.Json(Now(clock));
        });
    }

    private static object Now(PlaygroundClock clock) => new
    {
        now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        offsetMinutes = (int)clock.Offset.TotalMinutes,
    };
}
