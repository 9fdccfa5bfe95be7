using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlackJit.Tests.Fakes;

/// <summary>
/// A loopback Slack Web API over real HTTP (Kestrel on 127.0.0.1, a free port). It checks the bearer token,
/// records every call, keeps posted messages, answers from a configurable directory, and rejects what Slack
/// rejects (block limits, unknown channels, spent triggers). Faults can be queued per method.
/// Point the app at it with <see cref="Settings"/>; create one per test (it is cheap) and dispose it.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string DefaultBotToken = "xoxb-fake-bot-token";
    public const string DefaultAppToken = "xapp-fake-app-token";
    public const string TeamId = "T0FAKE001";
    public const string AppId = "A0APP";
    public const string BotUserId = "U0FAKEBOT";
    public const string BotId = "B0FAKEBOT";
    public const string ResponseUrlMethod = "response_url";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly Dictionary<string, FakeSlackUser> _users = [];
    private readonly HashSet<string> _channels = [];
    private readonly HashSet<string> _channelsWithoutBot = [];
    private readonly Dictionary<string, string[]> _userGroups = [];
    private readonly Dictionary<(string Channel, string Ts), FakeSlackMessage> _messages = [];
    private readonly List<(string Channel, string Ts)> _messageOrder = [];
    private readonly Dictionary<string, Queue<FakeSlackFault>> _faults = [];
    private readonly HashSet<string> _spentTriggers = [];
    private readonly HashSet<string> _expiredTriggers = [];
    private readonly List<JsonObject> _openedViews = [];
    private string? _userGroupsError;
    private long _sequence;
    private long _tsCounter;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlackApi(WebApplication app, string botToken, string appToken)
    {
        _app = app;
        BotToken = botToken;
        AppToken = appToken;
    }

    public string BotToken { get; }

    public string AppToken { get; }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The Web API base, <c>http://127.0.0.1:port/api/</c>: use as <c>Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/").AbsoluteUri;

    /// <summary>What <c>apps.connections.open</c> answers as the socket URL.</summary>
    public string SocketModeUrl { get; set; } = "wss://127.0.0.1/fake-socket-mode";

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeSlackApi> StartAsync(string botToken = DefaultBotToken, string appToken = DefaultAppToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "FakeSlack",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSlackApi(app, botToken, appToken);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Configuration that points SlackJit at this fake (for WebApplicationFactory or a test host).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Slack:ApiBaseUrl"] = ApiBaseUrl,
        ["Slack:BotToken"] = BotToken,
    };

    // ---- directory and channels --------------------------------------------------------------------------

    /// <summary>Adds (or replaces) a user answered by <c>users.info</c>.</summary>
    public FakeSlackApi AddUser(
        string id,
        string teamId = TeamId,
        bool isBot = false,
        bool isRestricted = false,
        bool isUltraRestricted = false,
        bool deleted = false,
        string? timeZone = "Europe/London")
    {
        lock (_gate)
        {
            _users[id] = new FakeSlackUser(id, teamId, isBot, isRestricted, isUltraRestricted, deleted, timeZone);
        }
        return this;
    }

    /// <summary>A channel the bot is in: posts succeed.</summary>
    public FakeSlackApi AddChannel(string channelId)
    {
        lock (_gate)
        {
            _channels.Add(channelId);
        }
        return this;
    }

    /// <summary>A channel that exists but the bot was never invited to: posts fail with <c>not_in_channel</c>.</summary>
    public FakeSlackApi AddChannelWithoutBot(string channelId)
    {
        lock (_gate)
        {
            _channelsWithoutBot.Add(channelId);
        }
        return this;
    }

    public FakeSlackApi AddUserGroup(string userGroupId, params string[] userIds)
    {
        lock (_gate)
        {
            _userGroups[userGroupId] = userIds;
        }
        return this;
    }

    /// <summary>Makes every <c>usergroups.users.list</c> fail, e.g. on a free plan.</summary>
    public FakeSlackApi FailUserGroups(string error = "plan_upgrade_required")
    {
        lock (_gate)
        {
            _userGroupsError = error;
        }
        return this;
    }

    /// <summary>This trigger id answers <c>expired_trigger_id</c> (the user took longer than 3 s).</summary>
    public FakeSlackApi ExpireTrigger(string triggerId)
    {
        lock (_gate)
        {
            _expiredTriggers.Add(triggerId);
        }
        return this;
    }

    /// <summary>The stable DM channel <c>conversations.open</c> gives for a user.</summary>
    public static string DmChannelFor(string userId) => "D" + userId.TrimStart('U', 'W');

    /// <summary>A response_url on this fake (it is on the configured API host, so the client accepts it).</summary>
    public string NewResponseUrl() => new Uri(Root, $"hooks/{Guid.NewGuid():N}").AbsoluteUri;

    // ---- faults ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> calls of <paramref name="method"/>
    /// (a Web API method name, <see cref="ResponseUrlMethod"/>, or <c>*</c> for any).
    /// </summary>
    public FakeSlackApi Inject(string method, FakeSlackFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
            {
                _faults[method] = queue = new Queue<FakeSlackFault>();
            }
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
        return this;
    }

    // ---- what happened --------------------------------------------------------------------------------------

    public IReadOnlyList<FakeSlackCall> Calls()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    public IReadOnlyList<FakeSlackCall> Calls(string method)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Method == method)];
        }
    }

    /// <summary>Messages in posting order, optionally of one channel, with their latest content.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string? channel = null)
    {
        lock (_gate)
        {
            return [.. _messageOrder.Where(k => channel is null || k.Channel == channel).Select(k => _messages[k])];
        }
    }

    public FakeSlackMessage? Message(string channel, string ts)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault((channel, ts));
        }
    }

    public IReadOnlyList<JsonObject> OpenedViews()
    {
        lock (_gate)
        {
            return [.. _openedViews.Select(v => v.DeepClone().AsObject())];
        }
    }

    /// <summary>
    /// Waits for a call of <paramref name="method"/> matching <paramref name="predicate"/> (already-recorded calls
    /// count). Throws <see cref="TimeoutException"/> listing the calls seen, so a failing test says why.
    /// </summary>
    public async Task<FakeSlackCall> WaitForCallAsync(
        string method,
        Func<FakeSlackCall, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var hit = _calls.FirstOrDefault(c => c.Method == method && (predicate?.Invoke(c) ?? true));
                if (hit is not null)
                {
                    return hit;
                }
                changed = _changed.Task;
            }

            var remaining = limit - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var seen = string.Join(", ", Calls().Select(c => $"{c.Method}:{c.Error ?? "ok"}"));
                throw new TimeoutException($"No matching {method} call within {limit}. Calls seen: [{seen}]");
            }
            try
            {
                await changed.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Loop once more to report what was seen.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- the server -----------------------------------------------------------------------------------------

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var path = context.Request.Path.Value ?? "";
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..]
            : path.StartsWith("/hooks/", StringComparison.Ordinal) ? ResponseUrlMethod
            : "";
        if (method.Length == 0 || !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var args = new JsonObject();
        try
        {
            args = await ReadArgsAsync(context.Request);
            var fault = NextFault(method);
            if (fault is FakeSlackFault.Slow slow)
            {
                await Task.Delay(slow.Duration, context.RequestAborted);
            }

            var status = StatusCodes.Status200OK;
            JsonObject answer;
            switch (fault)
            {
                case FakeSlackFault.RateLimit limit:
                    status = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    answer = Error("ratelimited");
                    break;
                case FakeSlackFault.HttpStatus http:
                    // Recorded before answering, so a client that saw the answer always finds its call recorded.
                    Record(method, args, receivedAt, http.StatusCode, $"http_{http.StatusCode}");
                    context.Response.StatusCode = http.StatusCode;
                    await context.Response.WriteAsync("upstream failure", context.RequestAborted);
                    return;
                case FakeSlackFault.SlackError slackError:
                    answer = Error(slackError.Code);
                    break;
                default:
                    answer = Authorize(context.Request, method) ?? Dispatch(method, args);
                    break;
            }

            var ok = answer["ok"]?.GetValue<bool>() == true;
            if (ok && IsJsonWithoutCharset(context.Request))
            {
                answer["warning"] = "missing_charset";
            }
            Record(method, args, receivedAt, status, ok ? null : answer["error"]?.GetValue<string>());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout fired) while we were slow.
            Record(method, args, receivedAt, 0, "aborted");
        }
    }

    private JsonObject? Authorize(HttpRequest request, string method)
    {
        if (method == ResponseUrlMethod)
        {
            // A response_url carries its own secret; Slack ignores (and we never send) a bearer token there.
            return request.Headers.Authorization.Count == 0 ? null : Error("unexpected_token");
        }
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Error("not_authed");
        }
        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        return header == "Bearer " + expected ? null : Error("invalid_auth");
    }

    private JsonObject Dispatch(string method, JsonObject args)
    {
        lock (_gate)
        {
            return method switch
            {
                "chat.postMessage" => PostMessage(args),
                "chat.update" => UpdateMessage(args),
                "chat.postEphemeral" => PostEphemeral(args),
                "conversations.open" => OpenConversation(args),
                "users.info" => UserInfo(args),
                "usergroups.users.list" => UserGroupMembers(args),
                "views.open" => OpenView(args),
                "auth.test" => new JsonObject
                {
                    ["ok"] = true,
                    ["url"] = "https://fake.slack.invalid/",
                    ["team"] = "Fake Team",
                    ["user"] = "slackjit",
                    ["team_id"] = TeamId,
                    ["user_id"] = BotUserId,
                    ["bot_id"] = BotId,
                    ["app_id"] = AppId,
                },
                "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = SocketModeUrl },
                ResponseUrlMethod => FakeSlackLimits.CheckMessage(args) is { } bad ? Error(bad) : new JsonObject { ["ok"] = true },
                _ => Error("unknown_method"),
            };
        }
    }

    private JsonObject PostMessage(JsonObject args)
    {
        var channel = FakeSlackLimits.Str(args, "channel") ?? "";
        if (ChannelError(channel) is { } channelError)
        {
            return Error(channelError);
        }
        if (FakeSlackLimits.CheckMessage(args) is { } invalid)
        {
            return Error(invalid);
        }
        var ts = NextTs();
        var message = new FakeSlackMessage(channel, ts, FakeSlackLimits.Str(args, "text"), Blocks(args), 0);
        _messages[(channel, ts)] = message;
        _messageOrder.Add((channel, ts));
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["bot_id"] = BotId, ["text"] = message.Text },
        };
    }

    private JsonObject UpdateMessage(JsonObject args)
    {
        var channel = FakeSlackLimits.Str(args, "channel") ?? "";
        var ts = FakeSlackLimits.Str(args, "ts") ?? "";
        if (ChannelError(channel) is { } channelError)
        {
            return Error(channelError);
        }
        if (!_messages.TryGetValue((channel, ts), out var existing))
        {
            return Error("message_not_found");
        }
        if (FakeSlackLimits.CheckMessage(args) is { } invalid)
        {
            return Error(invalid);
        }
        _messages[(channel, ts)] = existing with
        {
            Text = FakeSlackLimits.Str(args, "text") ?? existing.Text,
            Blocks = args.ContainsKey("blocks") ? Blocks(args) : existing.Blocks,
            Updates = existing.Updates + 1,
        };
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = FakeSlackLimits.Str(args, "text") };
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        var channel = FakeSlackLimits.Str(args, "channel") ?? "";
        if (ChannelError(channel) is { } channelError)
        {
            return Error(channelError);
        }
        if (!_users.ContainsKey(FakeSlackLimits.Str(args, "user") ?? ""))
        {
            return Error("user_not_in_channel");
        }
        return FakeSlackLimits.CheckMessage(args) is { } invalid
            ? Error(invalid)
            : new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() };
    }

    private JsonObject OpenConversation(JsonObject args)
    {
        var users = (FakeSlackLimits.Str(args, "users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length != 1)
        {
            return Error(users.Length == 0 ? "users_list_not_supplied" : "not_implemented_in_fake");
        }
        if (!_users.ContainsKey(users[0]))
        {
            return Error("user_not_found");
        }
        var channel = DmChannelFor(users[0]);
        _channels.Add(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel } };
    }

    private JsonObject UserInfo(JsonObject args)
    {
        if (!_users.TryGetValue(FakeSlackLimits.Str(args, "user") ?? "", out var user))
        {
            return Error("user_not_found");
        }
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = user.TeamId,
            ["name"] = "user-" + user.Id.ToLowerInvariant(),
            ["deleted"] = user.Deleted,
            ["is_bot"] = user.IsBot,
            ["is_app_user"] = false,
            ["is_restricted"] = user.IsRestricted,
            ["is_ultra_restricted"] = user.IsUltraRestricted,
        };
        if (user.TimeZone is not null)
        {
            json["tz"] = user.TimeZone;
        }
        return new JsonObject { ["ok"] = true, ["user"] = json };
    }

    private JsonObject UserGroupMembers(JsonObject args)
    {
        if (_userGroupsError is not null)
        {
            return Error(_userGroupsError);
        }
        return _userGroups.TryGetValue(FakeSlackLimits.Str(args, "usergroup") ?? "", out var members)
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) }
            : Error("no_such_subteam");
    }

    private JsonObject OpenView(JsonObject args)
    {
        var trigger = FakeSlackLimits.Str(args, "trigger_id");
        if (string.IsNullOrEmpty(trigger))
        {
            return Error("invalid_arguments");
        }
        if (_expiredTriggers.Contains(trigger))
        {
            return Error("expired_trigger_id");
        }
        if (_spentTriggers.Contains(trigger))
        {
            return Error("exchanged_trigger_id");
        }
        if (FakeSlackLimits.CheckView(args["view"]) is { } invalid)
        {
            return Error(invalid);
        }
        _spentTriggers.Add(trigger);
        var view = args["view"]!.DeepClone().AsObject();
        var id = $"V{_openedViews.Count + 1:D8}";
        view["id"] = id;
        _openedViews.Add(view);
        return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = id, ["type"] = "modal" } };
    }

    private string? ChannelError(string channel) =>
        _channels.Contains(channel) ? null
        : _channelsWithoutBot.Contains(channel) ? "not_in_channel"
        : "channel_not_found";

    // Called under the lock; Slack's ts is "seconds.micro", unique per channel, increasing.
    private string NextTs() => $"{1_700_000_000 + ++_tsCounter}.{_tsCounter % 1_000_000:D6}";

    private FakeSlackFault? NextFault(string method)
    {
        lock (_gate)
        {
            foreach (var key in new[] { method, "*" })
            {
                if (_faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
                {
                    return fault;
                }
            }
            return null;
        }
    }

    private void Record(string method, JsonObject args, DateTimeOffset receivedAt, int status, string? error)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _calls.Add(new FakeSlackCall(++_sequence, method, args, receivedAt, status, error));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

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

    private static JsonArray? Blocks(JsonObject args) => args["blocks"] is JsonArray blocks ? blocks.DeepClone().AsArray() : null;

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
