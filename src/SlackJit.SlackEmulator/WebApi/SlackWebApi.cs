using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackJit.SlackEmulator.Recording;
using SlackJit.SlackEmulator.Workspace;
using static SlackJit.SlackEmulator.WebApi.Answers;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// The HTTP side of the Web API: <c>POST /api/{method}</c> (bearer token checked) and <c>POST /hooks/{id}</c>
/// (response_urls, no token). Reads JSON or form bodies, applies queued faults and rate limits, dispatches to the
/// per-method handlers, records every call, and tells the workspace's watchers what changed.
/// </summary>
public sealed class SlackWebApi(SlackWorkspace workspace, CallLog calls, FaultQueue faults, RateLimiter rateLimits, SlackTokens tokens)
{
    public const string ResponseUrlMethodName = "response_url";

    /// <summary>What <c>apps.connections.open</c> answers as the socket URL.</summary>
    public string SocketModeUrl { get; set; } = "wss://127.0.0.1/emulated-socket-mode";

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var path = context.Request.Path.Value ?? "";
        var isHook = path.StartsWith("/hooks/", StringComparison.Ordinal);
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : isHook ? ResponseUrlMethodName : "";
        if (method.Length == 0 || !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var args = new JsonObject();
        try
        {
            var readable = true;
            try
            {
                args = await ReadArgsAsync(context.Request);
            }
            catch (InvalidDataException)
            {
                // A form ASP.NET refuses to decode (e.g. a value with a NUL in it): Slack answers such a call
                // invalid_arguments, it does not fail.
                readable = false;
            }
            // The token first, as Slack checks it: a call with another workspace's token (in a test run, another host's
            // call that reached a reused port) is refused before it can take a queued fault or rate-limit budget, and is
            // counted apart instead of being recorded as a call.
            if (Authorize(context.Request, method) is { } denied)
            {
                calls.Refuse();
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(denied.ToJsonString(), context.RequestAborted);
                return;
            }
            var fault = faults.Next(method);
            if (fault is SlackFault.Slow slow)
            {
                await Task.Delay(slow.Duration, context.RequestAborted);
            }
            else if (fault is SlackFault.Held held)
            {
                await held.Release.WaitAsync(context.RequestAborted);
            }

            var status = StatusCodes.Status200OK;
            JsonObject answer;
            string? changedChannel = null;
            var retryAfter = fault is null ? rateLimits.Check(method, Str(args, "channel")) : null;
            switch (fault)
            {
                case SlackFault.RateLimit limit:
                    retryAfter = limit.RetryAfterSeconds;
                    answer = Error("ratelimited");
                    break;
                case SlackFault.HttpStatus http:
                    // Recorded before answering, so a client that saw the answer always finds its call recorded.
                    calls.Record(method, args, receivedAt, http.StatusCode, $"http_{http.StatusCode}");
                    context.Response.StatusCode = http.StatusCode;
                    await context.Response.WriteAsync("upstream failure", context.RequestAborted);
                    return;
                case SlackFault.SlackError slackError:
                    answer = Error(slackError.Code);
                    break;
                default:
                    if (retryAfter is not null)
                    {
                        answer = Error("ratelimited");
                        break;
                    }
                    if (!readable)
                    {
                        answer = Error("invalid_arguments");
                        break;
                    }
                    (status, answer, changedChannel) = Dispatch(method, isHook ? path["/hooks/".Length..] : "", args);
                    break;
            }
            if (retryAfter is { } seconds)
            {
                status = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            var ok = answer["ok"]?.GetValue<bool>() == true;
            if (ok && IsJsonWithoutCharset(context.Request))
            {
                answer["warning"] = "missing_charset";
            }
            calls.Record(method, args, receivedAt, status, ok ? null : answer["error"]?.GetValue<string>());
            if (ok && changedChannel is not null)
            {
                workspace.Notify(changedChannel);
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout fired) while we were slow.
            calls.Record(method, args, receivedAt, 0, "aborted");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the emulator itself, not one a test queued: recorded with its cause (the answer stays the
            // 500 the server gives), so a test that sees the app retry a 500 can say where it came from.
            calls.Record(method, args, receivedAt, StatusCodes.Status500InternalServerError, $"emulator_fault: {e}");
            throw;
        }
    }

    private JsonObject? Authorize(HttpRequest request, string method)
    {
        if (method == ResponseUrlMethodName)
        {
            // A response_url carries its own secret; Slack ignores (and a careful app never sends) a bearer token there.
            return request.Headers.Authorization.Count == 0 ? null : Error("unexpected_token");
        }
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Error("not_authed");
        }
        var expected = method == "apps.connections.open" ? tokens.AppToken : tokens.BotToken;
        return header == "Bearer " + expected ? null : Error("invalid_auth");
    }

    // (status, answer, the channel whose view changed — "" for a change outside channels, null for none)
    private (int, JsonObject, string?) Dispatch(string method, string hookId, JsonObject args)
    {
        lock (workspace.Gate)
        {
            var channel = Str(args, "channel");
            return method switch
            {
                "chat.postMessage" => (200, ChatMethods.PostMessage(workspace, args), channel),
                "chat.update" => (200, ChatMethods.Update(workspace, args), channel),
                "chat.delete" => (200, ChatMethods.Delete(workspace, args), channel),
                "chat.postEphemeral" => (200, ChatMethods.PostEphemeral(workspace, args), channel),
                "conversations.open" => (200, DirectoryMethods.OpenConversation(workspace, args), ""),
                "users.info" => (200, DirectoryMethods.UserInfo(workspace, args), null),
                "usergroups.users.list" => (200, DirectoryMethods.UserGroupMembers(workspace, args), null),
                "views.open" => (200, ViewMethods.Open(workspace, args), ""),
                "views.push" => (200, ViewMethods.Push(workspace, args), ""),
                "views.update" => (200, ViewMethods.Update(workspace, args), ""),
                "views.publish" => (200, HomeMethods.Publish(workspace, args), ""),
                "auth.test" => (200, DirectoryMethods.AuthTest(workspace), null),
                "apps.connections.open" => (200, new JsonObject { ["ok"] = true, ["url"] = SocketModeUrl }, null),
                ResponseUrlMethodName => WithChannel(ResponseUrlMethod.Post(workspace, hookId, args), workspace.ResponseUrls.GetValueOrDefault(hookId)?.Channel),
                _ => (200, Error("unknown_method"), null),
            };
        }
    }

    private static (int, JsonObject, string?) WithChannel((int Status, JsonObject Answer) result, string? channel) =>
        (result.Status, result.Answer, channel ?? "");

    private static async Task<JsonObject> ReadArgsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var args = new JsonObject();
            foreach (var (key, value) in form)
            {
                var text = value.ToString();
                // Slack takes blocks and view as JSON strings in form posts.
                args[key] = key is "blocks" or "view" && TryParse(text) is { } parsed ? parsed : text;
            }
            return args;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return TryParse(body) as JsonObject ?? [];
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJsonWithoutCharset(HttpRequest request) =>
        request.ContentType is { } type
        && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        && !type.Contains("charset", StringComparison.OrdinalIgnoreCase);
}
