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
        // The filter, the dispatcher and the logger are singletons, found once (on first use, after the settings
        // are validated) rather than per request: the ack path builds no request scope.
        var services = app.ServiceProvider;
        var dispatcher = new Lazy<SlackDispatcher>(services.GetRequiredService<SlackDispatcher>);
        var logger = new Lazy<ILogger>(() => services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
        var group = app.MapGroup(GroupPrefix).AddEndpointFilterFactory((context, next) =>
        {
            var filter = context.ApplicationServices.GetRequiredService<SlackRequestFilter>();
            return invocation => filter.InvokeAsync(invocation, next);
        });
        // Route handlers (not request delegates), so the filter runs and the IResult is written.
        Func<HttpContext, Task<IResult>> command = http => CommandAsync(http, dispatcher.Value, logger.Value);
        Func<HttpContext, Task<IResult>> interaction = http => InteractionAsync(http, dispatcher.Value, logger.Value);
        group.MapPost("/commands", command);
        group.MapPost("/interactions", interaction);
        Func<HttpContext, Task<IResult>> events = http => EventAsync(http, dispatcher.Value, logger.Value);
        group.MapPost("/events", events).WithMetadata(SlackJsonBody.Instance);
        return group;
    }

    private static async Task<IResult> CommandAsync(HttpContext http, SlackDispatcher dispatcher, ILogger logger)
    {
        var form = VerifiedForm(http);
        if (!SlashCommandReader.TryRead(form, out var command, out var error))
        {
            SlackTransportLog.BadRequest(logger, CommandsPath, error);
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }
        return ToResult(await dispatcher.DispatchCommandAsync(command, http.RequestAborted));
    }

    private static async Task<IResult> InteractionAsync(HttpContext http, SlackDispatcher dispatcher, ILogger logger)
    {
        var form = VerifiedForm(http);
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

    private static async Task<IResult> EventAsync(HttpContext http, SlackDispatcher dispatcher, ILogger logger)
    {
        var body = http.Features.Get<SlackJsonFeature>()?.Body
            ?? throw new InvalidOperationException("Slack endpoint reached without SlackRequestFilter.");
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

    private static IFormCollection VerifiedForm(HttpContext http) =>
        http.Features.Get<SlackFormFeature>()?.Form
        ?? throw new InvalidOperationException("Slack endpoint reached without SlackRequestFilter.");

    private static IResult ToResult(SlackResponseBody body) =>
        body.IsEmpty ? Results.Ok() : new SlackJsonResult(body.Utf8!);
}
