using System.Text;
using Microsoft.AspNetCore.Mvc;

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
        var group = app.MapGroup(GroupPrefix).AddEndpointFilter<SlackRequestFilter>();
        group.MapPost("/commands", CommandAsync);
        group.MapPost("/interactions", InteractionAsync);
        return group;
    }

    private static async Task<IResult> CommandAsync(HttpContext http, [FromServices] SlackDispatcher dispatcher, [FromServices] ILoggerFactory logs)
    {
        var form = VerifiedForm(http);
        if (!SlashCommandReader.TryRead(form, out var command, out var error))
        {
            SlackTransportLog.BadRequest(logs.CreateLogger(LogCategory), CommandsPath, error);
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }
        return ToResult(await dispatcher.DispatchCommandAsync(command, http.RequestAborted));
    }

    private static async Task<IResult> InteractionAsync(HttpContext http, [FromServices] SlackDispatcher dispatcher, [FromServices] ILoggerFactory logs)
    {
        var form = VerifiedForm(http);
        var payload = form["payload"];
        var parse = payload.Count == 1 ? SlackInteractionParser.Parse(payload[0]) : InteractionParse.Invalid("Missing payload.");
        if (parse.Error is not null)
        {
            SlackTransportLog.BadRequest(logs.CreateLogger(LogCategory), InteractionsPath, parse.Error);
            return Results.Text(parse.Error, statusCode: StatusCodes.Status400BadRequest);
        }
        if (parse.Interaction is null)
        {
            // Slack adds interaction types over time (shortcuts, …); acking them keeps users from seeing errors.
            SlackTransportLog.UnknownInteractionType(logs.CreateLogger(LogCategory), parse.UnknownType ?? "");
            return Results.Ok();
        }
        return ToResult(await dispatcher.DispatchInteractionAsync(parse.Interaction, http.RequestAborted));
    }

    private static IFormCollection VerifiedForm(HttpContext http) =>
        http.Features.Get<SlackFormFeature>()?.Form
        ?? throw new InvalidOperationException("Slack endpoint reached without SlackRequestFilter.");

    private static IResult ToResult(SlackResponseBody body) =>
        body.IsEmpty ? Results.Ok() : Results.Content(body.Json, "application/json", Encoding.UTF8);
}
