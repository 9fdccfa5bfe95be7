namespace SlackJit.Slack.Transport;

/// <summary><c>POST /slack/commands</c> and <c>POST /slack/interactions</c> (docs/CONFIGURATION.md, "Endpoints").</summary>
internal static class SlackEndpoints
{
    public const string GroupPrefix = "/slack";
    public const string CommandsPath = GroupPrefix + "/commands";
    public const string InteractionsPath = GroupPrefix + "/interactions";

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

    private static IFormCollection VerifiedForm(HttpContext http) =>
        http.Features.Get<SlackFormFeature>()?.Form
        ?? throw new InvalidOperationException("Slack endpoint reached without SlackRequestFilter.");

    private static IResult ToResult(SlackResponseBody body) =>
        body.IsEmpty ? Results.Ok() : new SlackJsonResult(body.Utf8!);
}
