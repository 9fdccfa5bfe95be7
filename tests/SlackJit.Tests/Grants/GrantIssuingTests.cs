using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Grants;

/// <summary>Issuing against the whole app: the real STS issuer through the SDK to the loopback STS, Slack fake, SQLite.</summary>
public sealed class GrantIssuingTests
{
    [Fact]
    public async Task IssueAsync_Approved_AssumesTheRoleForTheRequestAndItsRequester()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.Activated, await app.IssueAsync(approved.Id));

        var call = Assert.Single(app.Harness.Sts.Calls);
        Assert.Equal(SlackJitHarness.RoleArn, call.RoleArn);
        Assert.Equal($"jit-{approved.Id:D}", call.RoleSessionName);
        Assert.Equal(SlackJitHarness.Requester, call.SourceIdentity);
        Assert.Equal(3600, call.DurationSeconds);
        Assert.Contains("arn:aws:s3:::analytics-prod/reports/*", call.Policy, StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, string>("jit-request-id", approved.Id.ToString()), call.Tags);
        Assert.Contains(new KeyValuePair<string, string>("slack-user", SlackJitHarness.Requester), call.Tags);
    }

    [Fact]
    public async Task IssueAsync_Approved_PutsTheCredentialsAndLinkInTheDmAndNowhereElse()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        await app.IssueAsync(approved.Id);

        var issued = Assert.Single(app.Harness.Sts.Issued);
        var token = Assert.Single(app.Harness.Federation.Tokens);
        var dm = app.Dm();
        Assert.Contains($"export AWS_ACCESS_KEY_ID={issued.AccessKeyId}", dm.AllText, StringComparison.Ordinal);
        Assert.Contains($"export AWS_SECRET_ACCESS_KEY={issued.SecretAccessKey}", dm.AllText, StringComparison.Ordinal);
        Assert.Contains($"export AWS_SESSION_TOKEN={issued.SessionToken}", dm.AllText, StringComparison.Ordinal);
        Assert.Contains($"[{GrantMessages.ProfileName(approved)}]", dm.AllText, StringComparison.Ordinal);
        Assert.Contains($"aws_secret_access_key = {issued.SecretAccessKey}", dm.AllText, StringComparison.Ordinal);
        // The console link is made when the requester presses the button, not kept in the DM (it would die in 15 minutes).
        Assert.DoesNotContain(Buttons(dm.Blocks), b => b["url"] is not null);
        Assert.Contains(Buttons(dm.Blocks), b => (string?)b["action_id"] == GrantActionIds.Console);
        Assert.DoesNotContain(token, dm.AllText, StringComparison.Ordinal);
        Assert.Contains("<!date^", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("(in 1h)", dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.SecretAccessKey, dm.Text, StringComparison.Ordinal);

        // Only the DM's chat.update ever carried a secret: not the "Issuing…" post, not the card, not a reply.
        foreach (var call in app.Slack.Calls())
        {
            var args = call.Args.ToJsonString();
            if (args.Contains(issued.SecretAccessKey, StringComparison.Ordinal) || args.Contains(token, StringComparison.Ordinal))
            {
                Assert.Equal(("chat.update", DmChannel), (call.Method, call.Arg("channel")));
            }
        }
        Assert.DoesNotContain(app.Logs.Collector.GetSnapshot(), r =>
            r.Message.Contains(issued.SecretAccessKey, StringComparison.Ordinal)
            || r.Message.Contains(issued.SessionToken, StringComparison.Ordinal)
            || r.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueAsync_Approved_StoresOnlyIdsAndTimesAndBecomesActive()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        await app.IssueAsync(approved.Id);

        var issued = Assert.Single(app.Harness.Sts.Issued);
        var token = Assert.Single(app.Harness.Federation.Tokens);
        var active = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(new GrantInfo(issued.AccessKeyId, issued.AssumedRoleId, issued.Expiration, SlackJitHarness.Start.AddHours(2)), active.Grant);
        Assert.Equal(SlackJitHarness.Start.AddHours(2), active.DueAt);
        Assert.Equal(DmChannel, active.Slack.DmChannel);
        Assert.Equal(GrantApp.CardTs, active.Slack.CardTs);
        var json = JsonSerializer.Serialize(active);
        Assert.Contains(issued.AccessKeyId, json, StringComparison.Ordinal);
        foreach (var secret in new[] { issued.SecretAccessKey, issued.SessionToken, token })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            Assert.False(DatabaseFilesContain(app.Harness.DataDir, secret), "a secret reached the database files");
        }
        await app.Cards.Received(1).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Active), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task IssueAsync_Approved_PostsTheDmBeforeCallingStsAndUpdatesIt()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        await app.IssueAsync(approved.Id);

        var post = Assert.Single(app.Slack.Calls("chat.postMessage"));
        Assert.Equal(DmChannel, post.Arg("channel"));
        Assert.Contains("Issuing your credentials", post.Arg("text"), StringComparison.Ordinal);
        Assert.Equal(1, app.Dm().Updates);
        var refs = (await app.GetAsync(approved.Id)).Events.Single(e => e.Action == AuditActions.SlackRefs);
        var claimed = (await app.GetAsync(approved.Id)).Events.Single(e => e.Action == AuditActions.IssueClaimed);
        Assert.True(refs.At >= claimed.At);
    }

    [Theory]
    [InlineData(120, 3600, true)]
    [InlineData(30, 1800, false)]
    [InlineData(60, 3600, false)]
    public async Task IssueAsync_Window_AsksForTheShorterOfWindowAndMaxSession(int windowMinutes, int expectedSeconds, bool renewShown)
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromMinutes(windowMinutes));

        await app.IssueAsync(approved.Id);

        Assert.Equal(expectedSeconds, Assert.Single(app.Harness.Sts.Calls).DurationSeconds);
        var actions = Buttons(app.Dm().Blocks).Select(b => b["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(renewShown, actions.Contains(GrantActionIds.Renew));
        Assert.Contains(GrantActionIds.Done, actions);
    }

    [Fact]
    public async Task IssueAsync_AccessDenied_FailsAndTellsTheRequesterAndTheCard()
    {
        await using var app = await StartAsync();
        app.Harness.Sts.FailNext(StsFault.AccessDenied);
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.Failed, await app.IssueAsync(approved.Id));

        var failed = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Failed, failed.Status);
        Assert.Null(failed.DueAt);
        Assert.Equal($"AWS would not let SlackJit assume the role (reference {failed.ShortId}/AccessDenied; details are in SlackJit's log).", failed.Outcome);
        Assert.Contains("trust policy", failed.Events.Single(e => e.Action == AuditActions.Failed).Detail, StringComparison.Ordinal);
        var dm = app.Dm();
        Assert.Contains("could not be issued", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", dm.AllText, StringComparison.Ordinal);
        Assert.Contains("operator has been told", dm.AllText, StringComparison.Ordinal);
        await app.Cards.Received(1).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Failed), Arg.Any<CancellationToken>());
        Assert.Contains(app.Logs.Collector.GetSnapshot(), r => r.Id.Id == 5051 && r.Message.Contains("AccessDenied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueAsync_Throttled_ReleasesWithBackOffThenIssuesOnALaterSweep()
    {
        await using var app = await StartAsync();
        // More than the SDK's own retries: the throttling reaches SlackJit.
        app.Harness.Sts.FailNext(StsFault.Throttling, 4);
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.Retrying, await app.IssueAsync(approved.Id));

        var waiting = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Approved, waiting.Status);
        Assert.Equal(SlackJitHarness.Start.AddSeconds(30), waiting.DueAt);
        Assert.Equal(0, await app.SweepAsync());

        app.Harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await app.SweepAsync());

        var active = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(2, active.IssueAttempts);
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        Assert.Contains(Assert.Single(app.Harness.Sts.Issued).SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_DmCannotBePosted_CallsNoStsAndRetriesLater()
    {
        await using var app = await StartAsync();
        app.Slack.Inject("chat.postMessage", SlackFault.Error("channel_not_found"));
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.Retrying, await app.IssueAsync(approved.Id));

        Assert.Empty(app.Harness.Sts.Calls);
        Assert.Equal(RequestStatus.Approved, (await app.GetAsync(approved.Id)).Status);
    }

    [Fact]
    public async Task IssueAsync_SigninLinkFails_DeliversCredentialsWithTheClickTimeConsoleButton()
    {
        await using var app = await StartAsync();
        // A 200 that is not JSON: not retried (retry delays would wait on the fake clock).
        app.Harness.Federation.Always = FederationFault.Garbage;
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.Activated, await app.IssueAsync(approved.Id));

        var dm = app.Dm();
        Assert.Contains(Assert.Single(app.Harness.Sts.Issued).SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(dm.Blocks), b => b["url"] is not null);
        Assert.Contains(Buttons(dm.Blocks), b => (string?)b["action_id"] == GrantActionIds.Console);
    }

    [Fact]
    public async Task IssueAsync_AlreadyActive_DoesNothing()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));

        Assert.Equal(IssueResult.NotClaimed, await app.IssueAsync(active.Id));

        Assert.Single(app.Harness.Sts.Calls);
    }

    internal static IEnumerable<JsonObject> Buttons(JsonArray? blocks) =>
        (blocks ?? []).OfType<JsonObject>().SelectMany(b =>
            (b["elements"] as JsonArray ?? []).OfType<JsonObject>().Append(b["accessory"] as JsonObject).OfType<JsonObject>())
        .Where(e => e["type"]?.GetValue<string>() == "button");

    private static bool DatabaseFilesContain(string folder, string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Any(f => ReadShared(f).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
