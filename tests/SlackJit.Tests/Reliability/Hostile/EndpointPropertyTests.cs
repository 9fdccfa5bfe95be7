using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Transport;
using SlackJit.Storage;
using SlackJit.Tests.Slack.Transport;
using SlackJit.Tests.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Generated hostile input posted to the whole app, signed as Slack signs (so it gets past the signature check to
/// the parsers and handlers): the answer is always 200/400/413/415 with a usable body, no handler fails, and the
/// store changes only where a valid request was legitimately created — checked against every row of the database.
/// </summary>
public sealed class EndpointPropertyTests(ITestOutputHelper output)
{
    private static readonly HashSet<HttpStatusCode> Acceptable =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType];

    /// <summary>
    /// Users that may neither create nor decide anything: a guest, and ids Slack does not know. The guest is a real
    /// member of the workspace, so it comes up most often: only the policy stands between it and a stored request.
    /// </summary>
    private static readonly string[] Powerless = [.. Enumerable.Repeat(HostileGen.PowerlessUser, HostileGen.UnknownUsers.Length), .. HostileGen.UnknownUsers];

    [Fact]
    public async Task Commands_HostileText_NeverServerErrorAndOnlyValidRequestsStored()
    {
        // Limits out of the way: here every valid text must create a request (the limits have their own tests).
        await using var harness = await StartAsync(o =>
        {
            o.Settings["Access:MaxPendingPerRequester"] = "100000";
            o.Settings["Access:MaxRequestsPerHour"] = "100000";
        });
        var probe = new StoreProbe(harness);
        await SeedAsync(harness);
        var created = 0;

        await Task.Run(() => HostileRuns.Check(output, "endpoint command texts", HostileRuns.EndpointCommandTexts, HostileGen.CommandText, text => Sync(async () =>
        {
            var before = await probe.SnapshotAsync();
            var (status, body) = await SendAsync(harness.CommandAsync(text), text);
            var after = await probe.SnapshotAsync();

            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"{status} for command text: {Show(text)}");
            var reply = body.Length == 0 ? "" : (string?)JsonNode.Parse(body)?["text"] ?? "";
            var appeared = after.Keys.Except(before.Keys).ToList();
            if (appeared.Count == 0)
            {
                Assert.DoesNotContain("is waiting for approval", reply, StringComparison.Ordinal);
                StoreProbe.AssertUnchanged(before, after, text);
                return;
            }

            // Exactly one new request, the one the reply announces, and it is a clean catalog request.
            var id = Assert.Single(appeared);
            created++;
            var request = (await harness.Store.GetAsync(id, CancellationToken.None))!;
            Assert.Contains($"*{request.ShortId}*", reply, StringComparison.Ordinal);
            Assert.Contains("is waiting for approval", reply, StringComparison.Ordinal);
            Assert.Equal(RequestStatus.Pending, request.Status);
            Assert.Equal(RequestsFlow.RequesterIdentity, request.Requester);
            Assert.Contains(request.Resource.Bucket, new[] { "analytics-prod", "finance-data" });
            Assert.Null(PrefixRules.Problem(request.Resource.Prefix));
            Assert.InRange(request.Reason.Length, 1, AccessPolicy.MaxReasonLength);
            Assert.DoesNotContain(request.Reason, c => char.IsControl(c) || CardChecks.IsBidi(c));
            StoreProbe.AssertUnchanged(before, after.Where(p => p.Key != id).ToDictionary(), text);
        })));

        output.WriteLine($"requests legitimately created: {created}");
        Assert.True(created > 0, "no generated text was a valid request: the 'created' branch went unchecked");

        // Every card the valid ones produced was accepted by Slack's limits and carries no live mention or link from user text.
        var ids = (await probe.SnapshotAsync()).Keys.Where(k => !Seeded.Contains(k)).ToList();
        foreach (var id in ids)
        {
            await harness.WaitForRequestAsync(id, r => r.Slack.CardTs is not null, $"the card of {id}");
        }
        Assert.All(harness.Slack.Calls("chat.postMessage"), c => Assert.True(c.Ok, $"chat.postMessage failed: {c.Error}"));
        foreach (var card in harness.Slack.Messages(SlackJitHarness.ApproverChannel))
        {
            CardChecks.AssertNoInjectedMarkup(card, SlackJitHarness.Requester);
        }
        AssertNoHandlerFailed(harness);
    }

    [Fact]
    public async Task FormBodies_Random_NeverServerErrorAndNothingChanges()
    {
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        await SeedAsync(harness);
        var initial = await probe.SnapshotAsync();
        var gen = FsCheck.Fluent.Gen.Zip(
            HostileForms.Body(Powerless, harness.Slack.NewResponseUrl),
            FsCheck.Fluent.Gen.Elements(SlackRequestSigner.CommandsPath, SlackRequestSigner.InteractionsPath));

        await Task.Run(() => HostileRuns.Check(output, "endpoint form bodies", HostileRuns.EndpointFormBodies, gen, input => Sync(async () =>
        {
            var (body, path) = input;
            await SendAsync(harness.Client.SendAsync(harness.Signer.Raw(path, body)), $"{path}: {body}");
            StoreProbe.AssertUnchanged(initial, await probe.SnapshotAsync(), $"{path}: {body}");
        })));

        AssertNoHandlerFailed(harness);
    }

    [Fact]
    public async Task InteractionPayloads_Mutated_NeverServerErrorAndNothingChanges()
    {
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        await SeedAsync(harness);
        var initial = await probe.SnapshotAsync();
        // The pending request is the one a click could still change: aim at it most.
        string[] ids = [.. Seeded.Select(id => id.ToString()), .. Enumerable.Repeat(Seeded[0].ToString(), Seeded.Length)];
        var gen = HostilePayloads.Any(Powerless, ids, harness.Slack.NewResponseUrl);
        var handled = 0;

        await Task.Run(() => HostileRuns.Check(output, "endpoint interaction payloads", HostileRuns.EndpointInteractionPayloads, gen, payload => Sync(async () =>
        {
            var (status, _) = await SendAsync(harness.Client.SendAsync(harness.Signer.Interaction(payload)), payload);
            handled += status == HttpStatusCode.OK ? 1 : 0;
            StoreProbe.AssertUnchanged(initial, await probe.SnapshotAsync(), payload);
        })));

        output.WriteLine($"payloads that reached a handler (200): {handled}");
        Assert.True(handled >= HostileRuns.EndpointInteractionPayloads / 10, $"only {handled} payloads reached a handler");
        AssertNoHandlerFailed(harness);
    }

    [Theory]
    [InlineData("U0NOBODY1\0")]
    [InlineData("U0GUEST\0x")]
    [InlineData("\0")]
    public async Task NewRequestForm_UserIdWithNul_RefusedWithoutFailure(string userId)
    {
        // Found by the generator above: a NUL in the submitter's id reaches users.info. Slack answers such a call
        // invalid_arguments; the form must end in a polite refusal, with nothing stored and no handler failing.
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        await SeedAsync(harness);
        var initial = await probe.SnapshotAsync();
        var payload = HostilePayloads.BuildView(
            RequestsSlackKeys.NewRequestCallback, userId, null,
            [
                (RequestsSlackKeys.ResourceBlock, RequestsSlackKeys.Value, "analytics"),
                (RequestsSlackKeys.PrefixBlock, RequestsSlackKeys.Value, ""),
                (RequestsSlackKeys.DurationBlock, RequestsSlackKeys.Value, "1h"),
                (RequestsSlackKeys.ReasonBlock, RequestsSlackKeys.Value, "INC-1 looking"),
            ],
            asSelect: false).ToJsonString();

        var (status, _) = await SendAsync(harness.Client.SendAsync(harness.Signer.Interaction(payload)), payload);

        Assert.Equal(HttpStatusCode.OK, status);
        var lookup = await harness.Slack.WaitForCallAsync("users.info");
        Assert.Equal((200, "invalid_arguments"), (lookup.Status, lookup.Error));
        StoreProbe.AssertUnchanged(initial, await probe.SnapshotAsync(), payload);
        AssertNoHandlerFailed(harness);
    }

    /// <summary>One request per status, all the requester's, none due: hostile clicks aim at real records.</summary>
    private static readonly Guid[] Seeded =
    [
        .. new[]
        {
            RequestStatus.Pending, RequestStatus.Approved, RequestStatus.Issuing, RequestStatus.Active, RequestStatus.Expired,
            RequestStatus.Ended, RequestStatus.Denied, RequestStatus.Cancelled, RequestStatus.TimedOut, RequestStatus.Failed,
        }.Select((_, i) => Guid.Parse($"0195a0b4-5c6d-7e8f-9a0b-1c2d3e4f50{i:D2}")),
    ];

    private static async Task SeedAsync(SlackJitHarness harness)
    {
        var statuses = new[]
        {
            RequestStatus.Pending, RequestStatus.Approved, RequestStatus.Issuing, RequestStatus.Active, RequestStatus.Expired,
            RequestStatus.Ended, RequestStatus.Denied, RequestStatus.Cancelled, RequestStatus.TimedOut, RequestStatus.Failed,
        };
        for (var i = 0; i < statuses.Length; i++)
        {
            var request = AccessRequestBuilder.In(statuses[i]).WithId(Seeded[i]).WithRequester(SlackJitHarness.Requester).Build();
            Assert.Equal(CreateResult.Created, await harness.Store.CreateAsync(request, CancellationToken.None));
        }
    }

    private static Task<SlackJitHarness> StartAsync(Action<HarnessOptions>? configure = null) =>
        SlackJitHarness.StartAsync(o =>
        {
            configure?.Invoke(o);
            o.Services = s => s.AddFakeLogging();
        });

    /// <summary>Sends, then checks the status and that a 200's body is JSON Slack can use, not a masked failure.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Task<HttpResponseMessage> sending, string input)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(Acceptable.Contains(response.StatusCode), $"{(int)response.StatusCode} for input: {Show(input)}\nbody: {Show(body)}");
        if (response.StatusCode == HttpStatusCode.OK && body.Length > 0)
        {
            using var json = JsonDocument.Parse(body);
            Assert.DoesNotContain(SlackDispatcher.SomethingWentWrong, body, StringComparison.Ordinal);
            Assert.DoesNotContain(SlackDispatcher.StillWorking, body, StringComparison.Ordinal);
        }
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.True(body.Length <= 80, $"400 body echoes input? {body}");
        }
        return (response.StatusCode, body);
    }

    private static void AssertNoHandlerFailed(SlackJitHarness harness)
    {
        var failures = harness.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Level >= LogLevel.Error || r.Exception is not null)
            .Select(r => $"{r.Category} {r.Id}: {r.Message} {r.Exception?.GetType().Name}")
            .Concat(harness.Slack.Calls().Where(c => c.Status >= 500).Select(c => $"Slack {c.Method} answered {c.Status}: {c.Error}"))
            .ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    /// <summary>Inputs run to 10,000 characters; a failure message shows their start, escaped.</summary>
    internal static string Show(string input) =>
        JsonSerializer.Serialize(input.Length <= 400 ? input : input[..400] + $"… ({input.Length} chars)");

    // Blocking on async work: FsCheck properties are synchronous; this runs on a pool thread (no context to deadlock on).
    private static void Sync(Func<Task> work) => work().GetAwaiter().GetResult();
}
