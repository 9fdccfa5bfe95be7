using System.Text.Json.Nodes;
using SlackJit.SlackEmulator;
using SlackJit.SlackEmulator.WebApi;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>
/// The tests' handle on the Slack workspace emulator (<see cref="EmulatedSlack"/>, the same component the playground
/// shows in a browser), on its own loopback port: a real HTTP Web API that checks the bearer token, records every
/// call, keeps posted messages, answers from its directory and rejects what Slack rejects (block limits, unknown
/// channels, spent or expired triggers, used-up response_urls). Faults can be queued per method.
/// Point the app at it with <see cref="Settings"/>; create one per test (it is cheap) and dispose it.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    /// <summary>
    /// The app-level token every fake accepts (Socket Mode settings name it before the fake exists). The bot token is
    /// each fake's own (<see cref="BotToken"/>): a Web API call from another test's host that reaches a reused port
    /// is refused with <c>invalid_auth</c>, as Slack refuses another workspace's token, and never counts as this test's call.
    /// </summary>
    public const string DefaultAppToken = "xapp-fake-app-token";
    public const string TeamId = SlackWorkspace.DefaultTeamId;

    /// <summary>The app id auth.test answers; the tests' signed payloads carry it as <c>api_app_id</c>.</summary>
    public const string AppId = "A0APP";
    public const string BotUserId = SlackWorkspace.BotUserId;
    public const string BotId = SlackWorkspace.BotId;
    public const string ResponseUrlMethod = SlackWebApi.ResponseUrlMethodName;

    private FakeSlackApi(EmulatedSlack emulator) => Emulator = emulator;

    /// <summary>The emulator itself, for what this facade does not wrap (views stacks, the signed app client, rate limits).</summary>
    public EmulatedSlack Emulator { get; }

    public SlackWorkspace Workspace => Emulator.Workspace;

    public string BotToken => Emulator.Tokens.BotToken;

    public string AppToken => Emulator.Tokens.AppToken;

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root => Emulator.Root;

    /// <summary>The Web API base, <c>http://127.0.0.1:port/api/</c>: use as <c>Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => Emulator.ApiBaseUrl;

    /// <summary>What <c>apps.connections.open</c> answers as the socket URL.</summary>
    public string SocketModeUrl
    {
        get => Emulator.WebApi.SocketModeUrl;
        set => Emulator.WebApi.SocketModeUrl = value;
    }

    /// <summary>Starts an emulator on a free loopback port.</summary>
    public static async Task<FakeSlackApi> StartAsync(string? botToken = null, string appToken = DefaultAppToken)
    {
        botToken ??= "xoxb-fake-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        var emulator = await EmulatedSlack.StartAsync(tokens: new SlackTokens(botToken, appToken));
        emulator.Workspace.AppId = AppId;
        return new FakeSlackApi(emulator);
    }

    /// <summary>Configuration that points SlackJit at this emulator (for WebApplicationFactory or a test host).</summary>
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
        Workspace.AddUser(new EmulatedUser(id, "user-" + id.ToLowerInvariant(), id, teamId, isBot, isRestricted, isUltraRestricted, deleted, timeZone));
        return this;
    }

    /// <summary>A channel the bot is in: posts succeed.</summary>
    public FakeSlackApi AddChannel(string channelId)
    {
        Workspace.AddChannel(channelId, channelId.ToLowerInvariant());
        return this;
    }

    /// <summary>A channel that exists but the bot was never invited to: posts fail with <c>not_in_channel</c>.</summary>
    public FakeSlackApi AddChannelWithoutBot(string channelId)
    {
        Workspace.AddChannel(channelId, channelId.ToLowerInvariant(), botIsMember: false);
        return this;
    }

    public FakeSlackApi AddUserGroup(string userGroupId, params string[] userIds)
    {
        Workspace.AddUserGroup(userGroupId, userGroupId.ToLowerInvariant(), userIds);
        return this;
    }

    /// <summary>Makes every <c>usergroups.users.list</c> fail, e.g. on a free plan.</summary>
    public FakeSlackApi FailUserGroups(string error = "plan_upgrade_required")
    {
        Workspace.UserGroupsError = error;
        return this;
    }

    /// <summary>Archives a channel or an opened DM: posts and edits there answer <c>is_archived</c>.</summary>
    public FakeSlackApi ArchiveChannel(string channelId)
    {
        Workspace.ArchiveChannel(channelId);
        return this;
    }

    /// <summary>This trigger id answers <c>expired_trigger_id</c> (the user took longer than 3 s).</summary>
    public FakeSlackApi ExpireTrigger(string triggerId)
    {
        Workspace.ExpireTrigger(triggerId);
        return this;
    }

    /// <summary>The stable DM channel <c>conversations.open</c> gives for a user.</summary>
    public static string DmChannelFor(string userId) => SlackWorkspace.DmChannelFor(userId);

    /// <summary>A response_url on the emulator (on the configured API host, so the client accepts it).</summary>
    public string NewResponseUrl() => Emulator.App.NewResponseUrl(channel: null, userId: null);

    // ---- faults ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> calls of <paramref name="method"/>
    /// (a Web API method name, <see cref="ResponseUrlMethod"/>, or <c>*</c> for any).
    /// </summary>
    public FakeSlackApi Inject(string method, SlackFault fault, int times = 1)
    {
        Emulator.Faults.Inject(method, fault, times);
        return this;
    }

    /// <summary>The next <paramref name="times"/> <c>chat.update</c> calls answer <c>{"ok":false,"error":error}</c> (e.g. <c>cant_update_message</c>).</summary>
    public FakeSlackApi FailEdits(string error, int times = 1) => Inject("chat.update", SlackFault.Error(error), times);

    /// <summary>The next <paramref name="times"/> <c>chat.delete</c> calls answer <c>{"ok":false,"error":error}</c> (e.g. <c>cant_delete_message</c>).</summary>
    public FakeSlackApi FailDeletes(string error, int times = 1) => Inject("chat.delete", SlackFault.Error(error), times);

    // ---- what happened --------------------------------------------------------------------------------------

    public IReadOnlyList<SlackCall> Calls() => Emulator.Calls.All();

    public IReadOnlyList<SlackCall> Calls(string method) => Emulator.Calls.Of(method);

    /// <summary>Messages in posting order, optionally of one channel, with their latest content.</summary>
    public IReadOnlyList<EmulatedMessage> Messages(string? channel = null) => Workspace.Messages(channel);

    public EmulatedMessage? Message(string channel, string ts) => Workspace.Message(channel, ts);

    public IReadOnlyList<JsonObject> OpenedViews() => Workspace.OpenedViews();

    /// <summary>Waits for a call of <paramref name="method"/> matching <paramref name="predicate"/> (see <see cref="SlackJit.SlackEmulator.Recording.CallLog.WaitForAsync"/>).</summary>
    public Task<SlackCall> WaitForCallAsync(
        string method,
        Func<SlackCall, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Emulator.Calls.WaitForAsync(method, predicate, timeout, cancellationToken);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
