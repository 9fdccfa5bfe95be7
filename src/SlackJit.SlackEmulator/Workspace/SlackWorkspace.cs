using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// The state of one emulated Slack workspace: people, channels and DMs, user groups, messages (ephemeral ones
/// included), open modals, the trigger ids and response_urls handed to the app. Thread-safe behind one lock;
/// <see cref="Changed"/> fires after every change so a page or a test can follow along.
/// The Web API methods that read and change it are in <c>WebApi/</c>.
/// </summary>
public sealed partial class SlackWorkspace
{
    public const string DefaultTeamId = "T0FAKE001";
    public const string DefaultTeamName = "Emulated Workspace";
    public const string BotUserId = "U0FAKEBOT";
    public const string BotId = "B0FAKEBOT";
    public const string DefaultAppId = "A0SLACKJIT";

    /// <summary>Trigger ids expire this long after Slack hands them to the app.</summary>
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    /// <summary>A response_url accepts this many posts…</summary>
    public const int ResponseUrlMaxUses = 5;

    /// <summary>…within this long.</summary>
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    internal readonly Lock Gate = new();
    internal readonly Dictionary<string, EmulatedUser> UsersById = [];
    internal readonly Dictionary<string, EmulatedChannel> ChannelsById = [];
    internal readonly Dictionary<string, EmulatedUserGroup> GroupsById = [];
    internal readonly Dictionary<(string Channel, string Ts), EmulatedMessage> MessagesByKey = [];
    internal readonly List<(string Channel, string Ts)> MessageOrder = [];
    internal readonly List<EmulatedMessage> EphemeralList = [];
    internal readonly Dictionary<string, IssuedTrigger> Triggers = [];
    internal readonly HashSet<string> SpentTriggers = [];
    internal readonly HashSet<string> ExpiredTriggers = [];
    internal readonly Dictionary<string, ResponseUrlTarget> ResponseUrls = [];
    internal readonly Dictionary<string, List<EmulatedView>> ViewStacks = [];
    internal readonly List<JsonObject> OpenedViewLog = [];
    private long _lastTsMicros;
    private long _viewCounter;

    public SlackWorkspace(TimeProvider? time = null, string teamId = DefaultTeamId, string teamName = DefaultTeamName)
    {
        Time = time ?? TimeProvider.System;
        TeamId = teamId;
        TeamName = teamName;
    }

    public TimeProvider Time { get; }

    public string TeamId { get; }

    public string TeamName { get; }

    /// <summary>The installed app's id: <c>auth.test</c> answers it and every request to the app carries it as <c>api_app_id</c>.</summary>
    public string AppId { get; set; } = DefaultAppId;

    /// <summary>The app's display name, shown as the author of its messages.</summary>
    public string AppName { get; set; } = "SlackJit";

    /// <summary>When set, every <c>usergroups.users.list</c> fails with this error (e.g. <c>plan_upgrade_required</c> on a free plan).</summary>
    public string? UserGroupsError { get; set; }

    /// <summary>Fires after any change, with the channel it concerns (null for a change outside channels, e.g. a modal).</summary>
    public event Action<string?>? Changed;

    // ---- directory ------------------------------------------------------------------------------------------

    public SlackWorkspace AddUser(EmulatedUser user)
    {
        lock (Gate)
        {
            UsersById[user.Id] = user;
        }
        return this;
    }

    public SlackWorkspace AddChannel(string id, string name, bool botIsMember = true)
    {
        lock (Gate)
        {
            ChannelsById[id] = new EmulatedChannel(id, name, botIsMember);
        }
        return this;
    }

    /// <summary>
    /// Archives a channel or DM that exists (a DM is archived when its person is deactivated): posts and edits there
    /// answer <c>is_archived</c>; what is in it stays readable.
    /// </summary>
    public SlackWorkspace ArchiveChannel(string id)
    {
        lock (Gate)
        {
            if (!ChannelsById.TryGetValue(id, out var channel))
            {
                throw new InvalidOperationException($"No channel {id} to archive (a DM exists once conversations.open has run).");
            }
            ChannelsById[id] = channel with { IsArchived = true };
        }
        Notify(id);
        return this;
    }

    public SlackWorkspace AddUserGroup(string id, string handle, params string[] members)
    {
        lock (Gate)
        {
            GroupsById[id] = new EmulatedUserGroup(id, handle, members);
        }
        return this;
    }

    public IReadOnlyList<EmulatedUser> Users()
    {
        lock (Gate)
        {
            return [.. UsersById.Values];
        }
    }

    public EmulatedUser? User(string id)
    {
        lock (Gate)
        {
            return UsersById.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<EmulatedChannel> Channels()
    {
        lock (Gate)
        {
            return [.. ChannelsById.Values];
        }
    }

    public EmulatedChannel? Channel(string id)
    {
        lock (Gate)
        {
            return ChannelsById.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<EmulatedUserGroup> UserGroups()
    {
        lock (Gate)
        {
            return [.. GroupsById.Values];
        }
    }

    /// <summary>The stable DM channel between the app and a user, as <c>conversations.open</c> gives it.</summary>
    public static string DmChannelFor(string userId) => "D" + userId.TrimStart('U', 'W');

    // ---- triggers and response_urls -------------------------------------------------------------------------

    /// <summary>A fresh trigger id for <paramref name="userId"/>, valid once for <see cref="TriggerLifetime"/>.</summary>
    public string IssueTrigger(string userId)
    {
        var id = $"{Time.GetUtcNow().ToUnixTimeSeconds()}.{RandomNumberGenerator.GetInt32(100_000, 999_999)}.{Guid.NewGuid():N}";
        lock (Gate)
        {
            Triggers[id] = new IssuedTrigger(id, userId, Time.GetUtcNow());
        }
        return id;
    }

    /// <summary>Makes a trigger id answer <c>expired_trigger_id</c> (the person took longer than 3 s).</summary>
    public SlackWorkspace ExpireTrigger(string triggerId)
    {
        lock (Gate)
        {
            ExpiredTriggers.Add(triggerId);
        }
        return this;
    }

    /// <summary>A response_url id whose posts land in <paramref name="channel"/> for <paramref name="userId"/>.</summary>
    public string IssueResponseUrl(string? channel, string? userId, string? messageTs = null)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (Gate)
        {
            ResponseUrls[id] = new ResponseUrlTarget(id, channel, userId, messageTs, Time.GetUtcNow());
        }
        return id;
    }

    // ---- messages and views ---------------------------------------------------------------------------------

    /// <summary>Messages in posting order (ephemeral ones not included), optionally of one channel, latest content.</summary>
    public IReadOnlyList<EmulatedMessage> Messages(string? channel = null)
    {
        lock (Gate)
        {
            return [.. MessageOrder.Where(k => channel is null || k.Channel == channel).Select(k => MessagesByKey[k])];
        }
    }

    public EmulatedMessage? Message(string channel, string ts)
    {
        lock (Gate)
        {
            return MessagesByKey.GetValueOrDefault((channel, ts));
        }
    }

    /// <summary>Ephemeral messages in posting order, optionally for one user.</summary>
    public IReadOnlyList<EmulatedMessage> Ephemerals(string? userId = null)
    {
        lock (Gate)
        {
            return [.. EphemeralList.Where(m => userId is null || m.VisibleTo == userId)];
        }
    }

    /// <summary>What <paramref name="userId"/> sees in <paramref name="channel"/>: messages and their own ephemerals, by ts.</summary>
    public IReadOnlyList<EmulatedMessage> Timeline(string channel, string userId)
    {
        lock (Gate)
        {
            return [.. MessageOrder.Where(k => k.Channel == channel).Select(k => MessagesByKey[k])
                .Concat(EphemeralList.Where(m => m.Channel == channel && m.VisibleTo == userId))
                .OrderBy(m => m.Ts, StringComparer.Ordinal)];
        }
    }

    /// <summary>Every view the app opened or pushed, as sent (with its id), in order.</summary>
    public IReadOnlyList<JsonObject> OpenedViews()
    {
        lock (Gate)
        {
            return [.. OpenedViewLog.Select(v => v.DeepClone().AsObject())];
        }
    }

    /// <summary>The modal stack open for a user, bottom first (empty when none).</summary>
    public IReadOnlyList<EmulatedView> ViewStack(string userId)
    {
        lock (Gate)
        {
            return ViewStacks.TryGetValue(userId, out var stack) ? [.. stack] : [];
        }
    }

    // ---- for the handlers (called under Gate) ---------------------------------------------------------------

    /// <summary>Slack's ts: "seconds.micros" from the workspace clock, unique and increasing.</summary>
    internal string NextTs()
    {
        var micros = Math.Max(Time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, _lastTsMicros + 1);
        _lastTsMicros = micros;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }

    internal string NextViewId() => $"V{++_viewCounter:D10}";

    internal static string NewHash() => $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Guid.NewGuid():N}"[..24];

    internal void AddMessage(EmulatedMessage message)
    {
        if (message.IsEphemeral)
        {
            EphemeralList.Add(message);
            return;
        }
        MessagesByKey[(message.Channel, message.Ts)] = message;
        MessageOrder.Add((message.Channel, message.Ts));
    }

    /// <summary>
    /// The message a click's response_url edits: a channel message, or the ephemeral one shown to the clicker (Slack
    /// lets a response_url replace or delete the message it came from either way; chat.update cannot touch an ephemeral).
    /// </summary>
    internal EmulatedMessage? ClickedMessage(string channel, string ts, string? userId) =>
        MessagesByKey.GetValueOrDefault((channel, ts))
        ?? EphemeralList.Find(m => m.Channel == channel && m.Ts == ts && m.VisibleTo == userId);

    /// <summary>Puts <paramref name="updated"/> where the message with its channel and ts is (channel or ephemeral).</summary>
    internal void ReplaceMessage(EmulatedMessage updated)
    {
        if (updated.IsEphemeral)
        {
            var at = EphemeralList.FindIndex(m => m.Channel == updated.Channel && m.Ts == updated.Ts && m.VisibleTo == updated.VisibleTo);
            if (at >= 0)
            {
                EphemeralList[at] = updated;
            }
            return;
        }
        MessagesByKey[(updated.Channel, updated.Ts)] = updated;
    }

    internal void RemoveMessage(EmulatedMessage message)
    {
        if (message.IsEphemeral)
        {
            EphemeralList.RemoveAll(m => m.Channel == message.Channel && m.Ts == message.Ts && m.VisibleTo == message.VisibleTo);
            return;
        }
        RemoveMessage(message.Channel, message.Ts);
    }

    internal void RemoveMessage(string channel, string ts)
    {
        if (MessagesByKey.Remove((channel, ts)))
        {
            MessageOrder.Remove((channel, ts));
        }
    }

    /// <summary>Raises <see cref="Changed"/>; call outside <see cref="Gate"/>.</summary>
    internal void Notify(string? channel) => Changed?.Invoke(channel);
}
