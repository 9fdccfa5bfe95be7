using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator.Ui;

/// <summary>
/// What a web page needs to show the workspace and act in it as any member: the directory, a channel's timeline
/// as one person sees it, their open modal, live changes over server-sent events, and the actions a person takes
/// (type a command or a message, click, submit or close a modal). Actions go to the app through
/// <see cref="AppClient.SlackAppClient"/>, signed, exactly as Slack sends them.
/// </summary>
internal static class EmulatorUiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatedSlack slack)
    {
        var ws = slack.Workspace;
        var group = endpoints.MapGroup("/emulator");
        group.MapGet("/status", () => Results.Json(new { appReady = slack.App.AppBase is not null }));
        group.MapGet("/workspace", () => Results.Text(WorkspaceJson(ws).ToJsonString(), "application/json"));
        group.MapGet("/timeline", (string channel, string @as) =>
        {
            // As in Slack, a DM between the app and someone is theirs alone.
            if (ws.Channel(channel) is not { } found || ws.User(@as) is null || (found.IsIm && found.DmUserId != @as))
            {
                return Results.NotFound(new { error = "channel_not_found" });
            }
            return Results.Text(TimelineJson(ws, channel, @as).ToJsonString(), "application/json");
        });
        group.MapGet("/view", (string @as) => Results.Text(ViewJson(ws, @as).ToJsonString(), "application/json"));
        group.MapGet("/events", (HttpContext context) => ServerSentEvents.StreamAsync(context, ws));
        group.MapPost("/command", (UiCommand body, CancellationToken ct) => CommandAsync(slack, body, ct));
        group.MapPost("/click", async (UiClick body, CancellationToken ct) =>
        {
            if (ws.User(body.As) is null)
            {
                return Results.BadRequest(new { error = "unknown user" });
            }
            if (slack.App.AppBase is null)
            {
                return Results.Json(new { error = "The app is still starting; try again in a moment." }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (ws.Channel(body.Channel) is { IsIm: true } dm && dm.DmUserId != body.As)
            {
                return Results.NotFound(new { error = "channel_not_found" });
            }
            try
            {
                var answer = await slack.App.ClickAsync(body.As, body.Channel, body.Ts, body.ActionId, body.BlockId, ct);
                return Results.Json(new { status = answer.Status });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });
        // The app's Home tab: as last published for the person, opened (Slack tells the app), clicked.
        group.MapGet("/home", (string @as) => Results.Text(
            new JsonObject { ["view"] = ws.HomeView(@as)?.View }.ToJsonString(), "application/json"));
        group.MapPost("/home/open", async (UiPerson body, CancellationToken ct) =>
        {
            if (ws.User(body.As) is null || slack.App.AppBase is null)
            {
                return Results.BadRequest(new { error = "unknown user, or the app is still starting" });
            }
            var answer = await slack.App.OpenHomeAsync(body.As, ct);
            return Results.Json(new { status = answer.Status });
        });
        group.MapPost("/home/click", async (UiHomeClick body, CancellationToken ct) =>
        {
            if (ws.User(body.As) is null || slack.App.AppBase is null)
            {
                return Results.BadRequest(new { error = "unknown user, or the app is still starting" });
            }
            try
            {
                var answer = await slack.App.ClickInHomeAsync(body.As, body.ActionId, body.BlockId, ct);
                return Results.Json(new { status = answer.Status });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });
        group.MapPost("/submit", async (UiSubmit body, CancellationToken ct) =>
        {
            if (ws.ViewStack(body.As).Count == 0)
            {
                return Results.BadRequest(new { error = "no modal open" });
            }
            var answer = await slack.App.SubmitViewAsync(body.As, body.Values ?? new Dictionary<string, string>(), ct);
            return Results.Json(new { status = answer.Status });
        });
        group.MapPost("/close", async (UiPerson body, CancellationToken ct) =>
        {
            await slack.App.CloseViewAsync(body.As, ct);
            return Results.Json(new { ok = true });
        });
    }

    private static async Task<IResult> CommandAsync(EmulatedSlack slack, UiCommand body, CancellationToken ct)
    {
        var ws = slack.Workspace;
        if (ws.User(body.As) is null || ws.Channel(body.Channel) is not { } channel || (channel.IsIm && channel.DmUserId != body.As))
        {
            return Results.BadRequest(new { error = "unknown user or channel" });
        }
        if (slack.App.AppBase is null)
        {
            return Results.Json(new { error = "The app is still starting; try again in a moment." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var text = (body.Text ?? "").Trim();
        if (!text.StartsWith('/'))
        {
            ws.PostAsPerson(body.Channel, body.As, text);
            return Results.Json(new { status = 200 });
        }
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? text : text[..space];
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        var answer = await slack.App.CommandAsync(body.As, body.Channel, command, arguments, ct);
        return Results.Json(new { status = answer.Status });
    }

    private static JsonObject WorkspaceJson(SlackWorkspace ws) => new()
    {
        ["team"] = new JsonObject { ["id"] = ws.TeamId, ["name"] = ws.TeamName },
        ["app"] = new JsonObject { ["name"] = ws.AppName, ["botUserId"] = SlackWorkspace.BotUserId },
        ["users"] = new JsonArray([.. ws.Users().Select(u => (JsonNode)new JsonObject
        {
            ["id"] = u.Id,
            ["name"] = u.Name,
            ["realName"] = u.RealName,
            ["title"] = u.Title,
            ["guest"] = u.IsRestricted || u.IsUltraRestricted,
        })]),
        ["channels"] = new JsonArray([.. ws.Channels().Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["isIm"] = c.IsIm,
            ["user"] = c.DmUserId,
        })]),
        ["groups"] = new JsonArray([.. ws.UserGroups().Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Id,
            ["handle"] = g.Handle,
            ["members"] = new JsonArray([.. g.Members.Select(m => (JsonNode)m)]),
        })]),
    };

    private static JsonObject TimelineJson(SlackWorkspace ws, string channel, string userId) => new()
    {
        ["channel"] = channel,
        ["messages"] = new JsonArray([.. ws.Timeline(channel, userId).Select(m => (JsonNode)new JsonObject
        {
            ["ts"] = m.Ts,
            ["text"] = m.Text,
            ["blocks"] = m.Blocks?.DeepClone(),
            ["ephemeral"] = m.IsEphemeral,
            ["user"] = m.UserId,
            ["edited"] = m.Updates > 0,
        })]),
    };

    private static JsonObject ViewJson(SlackWorkspace ws, string userId)
    {
        var stack = ws.ViewStack(userId);
        if (stack.Count == 0)
        {
            return new JsonObject { ["view"] = null };
        }
        var top = stack[^1];
        return new JsonObject
        {
            ["view"] = top.View.DeepClone(),
            ["id"] = top.Id,
            ["depth"] = stack.Count,
            ["errors"] = new JsonObject([.. top.Errors.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, e.Value))]),
        };
    }
}
