using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.Reliability.Faults.FaultApp;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>
/// The whole product flow — request, approve, issue, renew, "I'm done", and a second grant that expires — with every
/// log category at Trace. Afterwards no secret (tokens, signing secret, STS secret keys and session tokens, sign-in
/// tokens and links) may be in the logs, the store's bytes, or any Slack call except the requester's DM, which must
/// have held them (so the search is known to look in the right place).
/// </summary>
public sealed partial class SecretHygieneTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task FullFlow_OnSqlite_SecretsOnlyEverInTheRequestersDm()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "slackjit-hygiene-" + Guid.NewGuid().ToString("N"))).FullName;
        var db = Path.Combine(folder, "slackjit.db");
        try
        {
            SecretScan scan;
            string accessKeyId;
            var logs = new CapturingLoggerProvider();
            await using (var app = await StartVerboseAsync(logs, o => o.Settings["Store:Sqlite:Path"] = db))
            {
                await RunFlowAsync(app);
                scan = Secrets(app);
                accessKeyId = app.Harness.Sts.Issued[0].AccessKeyId;
                AssertNoSecretInLogsOrSlack(app, logs, scan);

                // While the app runs, recent writes sit in the -wal file.
                var live = ReadShared(db).Concat(ReadShared(db + "-wal")).ToArray();
                Assert.Empty(scan.FoundIn(live));
                Assert.Contains(accessKeyId, System.Text.Encoding.UTF8.GetString(live), StringComparison.Ordinal);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var after = Directory.GetFiles(folder).SelectMany(ReadShared).ToArray();
            Assert.Empty(scan.FoundIn(after));
            Assert.Contains(accessKeyId, System.Text.Encoding.UTF8.GetString(after), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FullFlow_OnDynamoDb_SecretsOnlyEverInTheRequestersDm()
    {
        var table = "hygiene-" + Guid.NewGuid().ToString("N");
        using var client = dynalite.CreateClient();
        using (var setup = new DynamoDbAccessRequestStore(
            () => client, new DynamoDbStoreOptions { TableName = table, CreateTableIfMissing = true },
            NullLogger<DynamoDbAccessRequestStore>.Instance))
        {
            await setup.InitializeAsync(Ct);
        }
        var logs = new CapturingLoggerProvider();
        await using var app = await StartVerboseAsync(logs, o =>
        {
            o.Settings["Store:Provider"] = "DynamoDb";
            o.Settings["Store:DynamoDb:TableName"] = table;
            o.Services = s => s.AddSingleton<IAmazonDynamoDB>(dynalite.CreateClient());
        });

        await RunFlowAsync(app);

        var scan = Secrets(app);
        AssertNoSecretInLogsOrSlack(app, logs, scan);
        // Every raw item, every attribute, nested lists and maps included.
        var items = (await client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true }, Ct)).Items;
        // The two requests, and the slots beside them (per-requester caps, leases): none may hold a secret either.
        Assert.Equal(2, items.Count(i => !i["pk"].S.StartsWith("slot#", StringComparison.Ordinal)));
        var raw = string.Join("\n", items.SelectMany(i => i.SelectMany(a => Strings(a.Value).Prepend(a.Key))));
        Assert.Empty(scan.FoundIn(raw));
        Assert.Contains(app.Harness.Sts.Issued[0].AccessKeyId, raw, StringComparison.Ordinal);
    }

    private static Task<FaultApp> StartVerboseAsync(CapturingLoggerProvider logs, Action<HarnessOptions> configure) =>
        StartAsync(o =>
        {
            // The most verbose level everywhere, overriding appsettings.json's quieter framework categories.
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.Extensions", "System", "System.Net.Http", "System.Net.Http.HttpClient", "Polly", "Amazon" })
            {
                o.Settings[$"Logging:LogLevel:{category}"] = "Trace";
            }
            // The app token in play too: Socket Mode starts and calls apps.connections.open with it.
            o.Settings["Slack:AppToken"] = FakeSlackApi.DefaultAppToken;
            configure(o);
            var more = o.Services;
            o.Services = s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                more?.Invoke(s);
            };
        });

    /// <summary>Request → approve → issue → renew → I'm done; then a second request approved, issued and expired.</summary>
    private List<string> Answers { get; } = [];

    private async Task RunFlowAsync(FaultApp app)
    {
        var h = app.Harness;
        var first = await h.RequestWithCardAsync("analytics-prod/reports 2h INC-4211 investigating");
        using (await h.ClickAsync(RequestsSlackKeys.ApproveAction, first.Id.ToString(), SlackJitHarness.Approver))
        {
        }
        var active = await h.WaitForRequestAsync(first.Id, r => r.Status == RequestStatus.Active, "the first grant active");

        h.Time.Advance(TimeSpan.FromMinutes(50));
        using (await h.ClickAsync(GrantActionIds.Renew, first.Id.ToString(), SlackJitHarness.Requester, DmChannel, active.Slack.DmTs!))
        {
        }
        await h.WaitForRequestAsync(first.Id, r => r.Grant?.Issues == 2, "the renewal");
        // Answers to the requester outside the DM while credentials are live: the list (a command answer)
        // and a refused click (a response_url post).
        Answers.Add((await h.AskAsync("list")).ToJsonString());
        using (await h.ClickAsync(GrantActionIds.Renew, first.Id.ToString(), SlackJitHarness.Outsider, DmChannel, active.Slack.DmTs!))
        {
        }
        await h.Slack.WaitForCallAsync(FakeSlackApi.ResponseUrlMethod);

        using (await h.ClickAsync(GrantActionIds.Done, first.Id.ToString(), SlackJitHarness.Requester, DmChannel, active.Slack.DmTs!))
        {
        }
        await h.WaitForRequestAsync(first.Id, r => r.Status == RequestStatus.Ended, "the first grant ended");

        var second = await h.RequestWithCardAsync("analytics-prod/exports 1h INC-4212 checking an export");
        using (await h.ClickAsync(RequestsSlackKeys.ApproveAction, second.Id.ToString(), SlackJitHarness.SecondApprover))
        {
        }
        await h.WaitForRequestAsync(second.Id, r => r.Status == RequestStatus.Active, "the second grant active");
        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.True(await app.SweepAsync() >= 1);
        await h.WaitForRequestAsync(second.Id, r => r.Status == RequestStatus.Expired, "the second grant expired");
        await h.WaitForAsync(() => Task.FromResult(
            app.Slack.Messages(DmChannel).All(m => !m.AllText.Contains("AWS_SECRET_ACCESS_KEY", StringComparison.Ordinal)) ? "scrubbed" : null),
            "every DM scrubbed");
        Assert.Equal(3, h.Sts.Issued.Count);
    }

    private static SecretScan Secrets(FaultApp app)
    {
        var scan = new SecretScan()
            .Add("bot token", app.Slack.BotToken)
            .Add("app token", app.Slack.AppToken)
            .Add("signing secret", SlackJitHarness.SigningSecret);
        foreach (var (issued, i) in app.Harness.Sts.Issued.Select((c, i) => (c, i)))
        {
            scan.Add($"SecretAccessKey #{i + 1}", issued.SecretAccessKey).Add($"SessionToken #{i + 1}", issued.SessionToken);
        }
        foreach (var (token, i) in app.Harness.Federation.Tokens.Select((t, i) => (t, i)))
        {
            scan.Add($"sign-in token #{i + 1}", token);
        }
        foreach (var (link, i) in DmCalls(app).SelectMany(c => LoginLink().Matches(c.Args.ToJsonString()).Select(m => m.Value)).Distinct().Select((l, i) => (l, i)))
        {
            scan.Add($"sign-in link #{i + 1}", link);
        }
        Assert.Equal(3, app.Harness.Federation.Tokens.Count);
        return scan;
    }

    private void AssertNoSecretInLogsOrSlack(FaultApp app, CapturingLoggerProvider logs, SecretScan scan)
    {
        // The capture really was at Trace, framework categories included.
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var leaks = entries.Select(e => (e, Found: scan.FoundIn(e.All))).Where(x => x.Found.Count > 0)
            .Select(x => $"{string.Join(", ", x.Found)} in [{x.e.Level}] {x.e.Category} #{x.e.EventId}").ToList();
        Assert.True(leaks.Count == 0, "Secrets in the logs:\n" + string.Join("\n", leaks.Take(20)));

        // Slack: every call's arguments except what went to the requester's DM (cards, ephemerals, response_urls…).
        var dmCalls = DmCalls(app).ToHashSet();
        var others = app.Slack.Calls().Where(c => !dmCalls.Contains(c)).ToList();
        Assert.Contains(others, c => c.Method == "chat.update" && c.Arg("channel") == SlackJitHarness.ApproverChannel);
        Assert.Contains(others, c => c.Method == FakeSlackApi.ResponseUrlMethod);
        Assert.Contains(others, c => c.Method == "conversations.open");
        var slackLeaks = others.Select(c => (c, Found: scan.FoundIn(c.Args.ToJsonString() + "\n" + string.Join("\n", Strings(c.Args)))))
            .Where(x => x.Found.Count > 0).Select(x => $"{string.Join(", ", x.Found)} in {x.c.Method} {x.c.Arg("channel")}").ToList();
        Assert.True(slackLeaks.Count == 0, "Secrets sent to Slack outside the DM:\n" + string.Join("\n", slackLeaks));

        Assert.NotEmpty(Answers);
        Assert.Empty(scan.FoundIn(string.Join("\n", Answers)));

        // The DM did carry every credential and link (so the searches above can fail), and holds none now.
        var sentToDm = string.Join("\n", dmCalls.SelectMany(c => Strings(c.Args)));
        var inDm = scan.FoundIn(sentToDm);
        // All but the bot token, app token and signing secret, and the sign-in tokens: console links are made at click
        // time and answered ephemerally; the one issuing makes is never sent anywhere.
        var expected = scan.Count - 3 - app.Harness.Federation.Tokens.Count;
        Assert.Equal(expected, inDm.Count);
        Assert.Empty(scan.FoundIn(string.Join("\n", app.Slack.Messages(DmChannel).Select(m => m.AllText))));
    }

    /// <summary>Posts and updates of the requester's DM: the one place secrets may go.</summary>
    private static IEnumerable<SlackCall> DmCalls(FaultApp app) =>
        app.Slack.Calls().Where(c => c.Method is "chat.postMessage" or "chat.update" && c.Arg("channel") == DmChannel);

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static IEnumerable<string> Strings(AttributeValue value) =>
        new[] { value.S, value.N }.OfType<string>()
            .Concat((value.SS ?? []).Concat(value.NS ?? []))
            .Concat((value.L ?? []).SelectMany(Strings))
            .Concat((value.M ?? []).SelectMany(p => Strings(p.Value).Prepend(p.Key)));

    [GeneratedRegex(@"https?://[^\s""<>|]*Action=login[^\s""<>|]*")]
    private static partial Regex LoginLink();
}
