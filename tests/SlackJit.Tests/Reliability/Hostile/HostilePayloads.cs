using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SlackJit.Requests;
using SlackJit.Tests.Slack.Transport;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Interactivity payloads as a broken or hostile sender could make them: well-formed <c>block_actions</c>,
/// <c>view_submission</c> and <c>view_closed</c> with random ids and values, then mutated — fields removed,
/// values of the wrong JSON type, types renamed — and sometimes truncated or spliced as text.
/// </summary>
internal static class HostilePayloads
{
    private static readonly string[] ActionIds =
        [RequestsSlackKeys.ApproveAction, RequestsSlackKeys.DenyAction, RequestsSlackKeys.CancelAction, "requests.approve ", "REQUESTS.APPROVE", "requests.", "unknown", ""];

    private static readonly string[] Callbacks =
        [RequestsSlackKeys.NewRequestCallback, RequestsSlackKeys.DenyReasonCallback, "requests.new ", "unknown", ""];

    private static readonly string[] Blocks =
        [RequestsSlackKeys.ResourceBlock, RequestsSlackKeys.PrefixBlock, RequestsSlackKeys.DurationBlock, RequestsSlackKeys.ReasonBlock, RequestsSlackKeys.DenyReasonBlock];

    private static readonly string[] PlausibleValues = ["analytics", "finance", "1h", "2h", "15m", "4h", "reports/", "2026/", "INC-1 looking", ""];

    private static readonly string[] Types = ["block_actions", "view_submission", "view_closed", "shortcut", "message_action", "BLOCK_ACTIONS", "", "block_actions\u0000"];

    /// <summary>
    /// Any payload text. <paramref name="users"/> are the user ids to act as; <paramref name="requestIds"/> are ids of
    /// requests that exist (so some inputs reach real records); <paramref name="responseUrl"/> gives a response_url.
    /// </summary>
    public static Gen<string> Any(string[] users, string[] requestIds, Func<string> responseUrl) => Gen.Frequency(
        (10, Mutated(Structured(users, requestIds, responseUrl))),
        (2, HostileGen.Text),
        (1, Gen.Elements("{}", "[]", "null", "\"block_actions\"", "{\"type\":null}", "{\"type\":[]}", "{\"type\":\"block_actions\",\"actions\":{}}", "{\"type\":\"view_submission\",\"view\":[]}", "{\"type\":\"block_actions\",\"user\":{\"id\":1},\"actions\":[{\"action_id\":2}]}", new string('[', 5_000), "{\"a\":" + new string('{', 100))));

    /// <summary>Well-formed payloads with random content.</summary>
    public static Gen<JsonObject> Structured(string[] users, string[] requestIds, Func<string> responseUrl) => Gen.Frequency(
        (5, BlockActions(users, requestIds, responseUrl)),
        (4, ViewSubmissions(users, requestIds)),
        (1, Gen.Elements(users).Select(u => ViewClosed(u))));

    public static Gen<string> RequestValue(string[] requestIds) => Gen.Frequency(
        (5, requestIds.Length == 0 ? Gen.Fresh(() => Guid.NewGuid().ToString()) : Gen.Elements(requestIds)),
        (2, Gen.Elements(requestIds.Length == 0 ? [Guid.Empty.ToString()] : requestIds).SelectMany(id => Gen.Elements(
            id.ToUpperInvariant(), $"{{{id}}}", $" {id} ", id.Replace("-", "", StringComparison.Ordinal), id[..^1], id + "0", $"({id})", id + "\u0000"))),
        (2, Gen.Fresh(() => Guid.NewGuid().ToString())),
        (1, Gen.Fresh(() => Guid.CreateVersion7().ToString("N"))),
        (3, HostileGen.Text));

    private static Gen<JsonObject> BlockActions(string[] users, string[] requestIds, Func<string> responseUrl) =>
        from actionId in Gen.Frequency(
            (6, Gen.Elements(RequestsSlackKeys.ApproveAction, RequestsSlackKeys.DenyAction, RequestsSlackKeys.CancelAction)),
            (2, Gen.Elements(ActionIds)),
            (1, HostileGen.Token))
        from value in Gen.OrNull(RequestValue(requestIds))
        from user in Gen.Elements(users)
        from team in Gen.Elements("T0TEAM", "T0OTHER", "", "\u202ET")
        from extraActions in Gen.Choose(0, 2)
        from dropTrigger in Gen.Elements(false, false, true)
        from hostileUrl in Gen.Frequency((6, Gen.Constant<string?>(null)), (1, HostileGen.Text.Select(t => (string?)t)), (1, Gen.Elements<string?>("https://evil.example/hook", "http://127.0.0.1:1/x", "https://hooks.slack.com@evil.example/x")))
        select Build(actionId, value, user, team, extraActions, dropTrigger, hostileUrl ?? responseUrl());

    private static JsonObject Build(string actionId, string? value, string user, string team, int extraActions, bool dropTrigger, string url)
    {
        var payload = SlackRequestSigner.BlockActions(actionId, value, userId: user, teamId: team, channelId: "C0APPROVERS");
        payload["response_url"] = url;
        payload["trigger_id"] = $"1337.42.{Guid.NewGuid():N}";
        if (dropTrigger)
        {
            payload.Remove("trigger_id");
        }
        var actions = payload["actions"]!.AsArray();
        for (var i = 0; i < extraActions; i++)
        {
            actions.Add(actions[0]!.DeepClone());
        }
        return payload;
    }

    /// <summary>Well-formed <c>view_submission</c> payloads with random callback, state and metadata.</summary>
    public static Gen<JsonObject> ViewSubmissions(string[] users, string[] requestIds) => Gen.Frequency(
        (2, RandomViewSubmissions(users, requestIds)),
        (1, NewRequestForms(users)));

    // The request form filled in with hostile values: reaches the domain decision, not just the parser.
    private static Gen<JsonObject> NewRequestForms(string[] users) =>
        from user in Gen.Elements(users)
        from resource in Gen.Frequency((6, Gen.Elements("analytics", "finance")), (1, HostileGen.Token))
        from prefix in Gen.OrNull(HostileGen.Prefix)
        from duration in Gen.Frequency((3, Gen.Elements("15m", "30m", "1h", "2h", "4h")), (1, HostileGen.DurationText))
        from reason in HostileGen.Text
        from asSelect in Gen.Elements(false, true)
        select BuildView(
            RequestsSlackKeys.NewRequestCallback, user, null,
            new[] { (RequestsSlackKeys.ResourceBlock, RequestsSlackKeys.Value, resource), (RequestsSlackKeys.PrefixBlock, RequestsSlackKeys.Value, prefix ?? ""), (RequestsSlackKeys.DurationBlock, RequestsSlackKeys.Value, duration), (RequestsSlackKeys.ReasonBlock, RequestsSlackKeys.Value, reason) },
            asSelect);

    private static Gen<JsonObject> RandomViewSubmissions(string[] users, string[] requestIds) =>
        from callback in Gen.Frequency((6, Gen.Elements(Callbacks)), (1, HostileGen.Token))
        from user in Gen.Elements(users)
        from metadata in Gen.OrNull(RequestValue(requestIds))
        from inputs in Gen.ListOf(
            from block in Gen.Frequency((6, Gen.Elements(Blocks)), (1, HostileGen.Token))
            from action in Gen.Frequency((6, Gen.Constant(RequestsSlackKeys.Value)), (1, HostileGen.Token))
            from value in Gen.Frequency((3, Gen.Elements(PlausibleValues)), (3, HostileGen.Text), (1, HostileGen.DurationText), (1, HostileGen.Prefix))
            select (block, action, value))
        from asSelect in Gen.Elements(false, true)
        select BuildView(callback, user, metadata, inputs, asSelect);

    internal static JsonObject BuildView(string callback, string user, string? metadata, IEnumerable<(string Block, string Action, string Value)> inputs, bool asSelect)
    {
        var payload = SlackRequestSigner.ViewSubmission(callback, null, metadata, user);
        var values = payload["view"]!["state"]!["values"]!.AsObject();
        foreach (var (block, action, value) in inputs)
        {
            if (values[block] is not JsonObject blockState)
            {
                blockState = [];
                values[block] = blockState;
            }
            blockState[action] = asSelect
                ? new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" } } }
                : new JsonObject { ["type"] = "plain_text_input", ["value"] = value };
        }
        return payload;
    }

    private static JsonObject ViewClosed(string user) => new()
    {
        ["type"] = "view_closed",
        ["user"] = new JsonObject { ["id"] = user },
        ["team"] = new JsonObject { ["id"] = "T0TEAM" },
        ["view"] = new JsonObject { ["id"] = "V0VIEW", ["callback_id"] = RequestsSlackKeys.DenyReasonCallback },
        ["is_cleared"] = false,
    };

    /// <summary>Applies 0–4 structural mutations, then maybe a textual one (truncation, a spliced character).</summary>
    public static Gen<string> Mutated(Gen<JsonObject> structured) =>
        from payload in structured
        from ops in Gen.ListOf(
            from kind in Gen.Choose(0, 6)
            from at in Gen.Choose(0, 10_000)
            from what in Gen.Choose(0, 10_000)
            select (kind, at, what), 4)
        from count in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Choose(1, 2)), (1, Gen.Choose(3, 4)))
        from text in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from cut in Gen.Choose(0, 10_000)
        from splice in HostileGen.Char
        select Textual(Structural(payload, ops.Take(count)).ToJsonString(), text, cut, splice);

    private static JsonNode Structural(JsonObject payload, IEnumerable<(int Kind, int Where, int What)> ops)
    {
        foreach (var (kind, where, what) in ops)
        {
            var slots = Slots(payload).ToList();
            if (slots.Count == 0)
            {
                break;
            }
            var (parent, key, index) = slots[where % slots.Count];
            var replacement = kind switch
            {
                0 => null, // removed below
                1 => WrongType(what),
                2 => JsonValue.Create(HostileGen.Tokens[what % HostileGen.Tokens.Length]),
                3 => JsonValue.Create(Types[what % Types.Length]),
                4 => new JsonArray(JsonValue.Create(what), JsonValue.Create("x")),
                5 => new JsonObject { ["id"] = what.ToString(CultureInfo.InvariantCulture) },
                _ => JsonValue.Create(new string('x', what)),
            };
            if (parent is JsonObject obj)
            {
                if (kind == 0)
                {
                    obj.Remove(key!);
                }
                else
                {
                    obj[key!] = replacement;
                }
            }
            else if (parent is JsonArray array)
            {
                if (kind == 0)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = replacement;
                }
            }
        }
        return payload;
    }

    private static JsonNode? WrongType(int what) => (what % 7) switch
    {
        0 => JsonValue.Create(what),
        1 => JsonValue.Create(true),
        2 => null,
        3 => new JsonArray(),
        4 => new JsonObject(),
        5 => JsonValue.Create(-1.5e300),
        _ => JsonValue.Create(long.MaxValue),
    };

    private static string Textual(string json, int kind, int cut, char splice) => kind switch
    {
        1 => json[..(cut % Math.Max(1, json.Length))],
        2 => json.Insert(cut % Math.Max(1, json.Length), splice.ToString()),
        _ => json,
    };

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
        }
    }
}
