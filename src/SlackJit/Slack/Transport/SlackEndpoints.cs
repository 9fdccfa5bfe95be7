using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>
/// <c>POST /slack/commands</c>, <c>POST /slack/interactions</c> and <c>POST /slack/events</c> (docs/CONFIGURATION.md,
/// "Endpoints"), all behind the same signature check.
/// </summary>
internal static class SlackEndpoints
{
    public const string GroupPrefix = "/slack";
    public const string CommandsPath = GroupPrefix + "/commands";
    public const string InteractionsPath = GroupPrefix + "/interactions";
    public const string EventsPath = GroupPrefix + "/events";

    private const string LogCategory = "SlackJit.Slack.Transport.SlackEndpoints";

    public static RouteGroupBuilder MapSlackTransport(this IEndpointRouteBuilder app)
    {
        // The guard, the dispatcher and the logger are singletons, found once (on first use, after the settings
        // are validated) rather than per request: the ack path builds no request scope.
        var services = app.ServiceProvider;
        var guard = new Lazy<SlackRequestGuard>(services.GetRequiredService<SlackRequestGuard>);
        var dispatcher = new Lazy<SlackDispatcher>(services.GetRequiredService<SlackDispatcher>);
        var logger = new Lazy<ILogger>(() => services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
        var group = app.MapGroup(GroupPrefix);
        // Request delegates, each running the guard and then its endpoint: the same steps a route handler with an
        // endpoint filter takes, without the per-request wrapping (a filter context, the result boxed and unboxed)
        // that costs the ack path more than the steps themselves.
        Func<HttpContext, VerifiedBody, Task<IResult>> command = (http, body) => CommandAsync(http, body.Form!, dispatcher.Value, logger.Value);
        Func<HttpContext, VerifiedBody, Task<IResult>> interaction = (http, body) => InteractionAsync(http, body.Form!, dispatcher.Value, logger.Value);
        Func<HttpContext, VerifiedBody, Task<IResult>> events = (http, body) => EventAsync(http, body.Json, dispatcher.Value, logger.Value);
        group.MapPost("/commands", Serve(guard, json: false, command));
        group.MapPost("/interactions", Serve(guard, json: false, interaction));
        group.MapPost("/events", Serve(guard, json: true, events));
        return group;
    }

    private static RequestDelegate Serve(Lazy<SlackRequestGuard> guard, bool json, Func<HttpContext, VerifiedBody, Task<IResult>> endpoint) =>
        async http =>
        {
            var body = await guard.Value.ReadAsync(http, json);
            var result = body.Answer ?? await endpoint(http, body);
            await result.ExecuteAsync(http);
        };

    private static async Task<IResult> CommandAsync(HttpContext http, IFormCollection form, SlackDispatcher dispatcher, ILogger logger)
    {
        if (!SlashCommandReader.TryRead(form, out var command, out var error))
        {
            SlackTransportLog.BadRequest(logger, CommandsPath, error);
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }
        return ToResult(await dispatcher.DispatchCommandAsync(command, http.RequestAborted));
    }

    private static async Task<IResult> InteractionAsync(HttpContext http, IFormCollection form, SlackDispatcher dispatcher, ILogger logger)
    {
        var payload = form["payload"];
        var parse = payload.Count == 1 ? SlackInteractionParser.Parse(payload[0]) : InteractionParse.Invalid("Missing payload.");
        if (parse.Error is not null)
        {
            SlackTransportLog.BadRequest(logger, InteractionsPath, parse.Error);
            return Results.Text(parse.Error, statusCode: StatusCodes.Status400BadRequest);
        }
        if (parse.Interaction is null)
        {
            // Slack adds interaction types over time (shortcuts, …); acking them keeps users from seeing errors.
            SlackTransportLog.UnknownInteractionType(logger, parse.UnknownType ?? "");
            return Results.Ok();
        }
        return ToResult(await dispatcher.DispatchInteractionAsync(parse.Interaction, http.RequestAborted));
    }

    private static async Task<IResult> EventAsync(HttpContext http, JsonElement body, SlackDispatcher dispatcher, ILogger logger)
    {
        var parse = SlackEventParser.Parse(body);
        if (parse.Error is not null)
        {
            SlackTransportLog.BadRequest(logger, EventsPath, parse.Error);
            return Results.Text(parse.Error, statusCode: StatusCodes.Status400BadRequest);
        }
        if (parse.Challenge is { } challenge)
        {
            // Slack's URL check: the challenge back, as JSON (one of the answers Slack accepts).
            return new SlackJsonResult(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new System.Text.Json.Nodes.JsonObject { ["challenge"] = challenge }));
        }
        if (parse.Event is { } slackEvent)
        {
            await dispatcher.DispatchEventAsync(slackEvent, http.RequestAborted);
            return Results.Ok();
        }
        SlackTransportLog.EventTypeIgnored(logger, parse.UnknownType ?? "");
        return Results.Ok();
    }

    private static IResult ToResult(SlackResponseBody body) =>
        body.IsEmpty ? Results.Ok() : new SlackJsonResult(body.Utf8!);
}
