using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Tests.EndToEnd;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Grants;

/// <summary>The DM's console button: a sign-in link made at click time, for the requester of a live grant only.</summary>
public sealed class GrantConsoleTests
{
    private static JsonObject? LinkButton(SlackCall reply) =>
        reply.Args["blocks"]?.AsArray().Select(b => b?["accessory"]).OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["action_id"] == GrantActionIds.ConsoleLink);

    // The link is made after the ack, on the work queue: wait for its answer.
    private static async Task WaitForReplyAsync(GrantApp app)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (app.Replies().Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task Console_AtMinute50OfAOneHourGrant_AnswersWithAFreshLinkThatStopsAtTheGrantsEnd()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        var windowEnd = active.Grant!.WindowEnd;
        app.Harness.Time.Advance(TimeSpan.FromMinutes(50));

        await app.ClickAsync(GrantActionIds.Console, active.Id);
        await WaitForReplyAsync(app);

        // A second STS session with the grant's markers, for STS's minimum, cut off by the policy at the window's end.
        var console = app.Harness.Sts.Calls[^1];
        Assert.Equal(2, app.Harness.Sts.Calls.Count);
        Assert.Equal(900, console.DurationSeconds);
        Assert.Equal(app.Harness.Sts.Calls[0].RoleSessionName, console.RoleSessionName);
        Assert.Equal(SlackJitHarness.Requester, console.SourceIdentity);
        Assert.Contains(console.Tags, t => t.Key == "jit-request-id" && t.Value == active.Id.ToString());
        var allows = JsonNode.Parse(console.Policy!)!["Statement"]!.AsArray().Where(s => (string?)s!["Effect"] == "Allow").ToList();
        Assert.NotEmpty(allows);
        Assert.All(allows, s => Assert.Equal(windowEnd.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            (string?)s!["Condition"]!["DateLessThan"]!["aws:CurrentTime"]));
        // The link was made from the console session's own credentials and answered only to the requester.
        var federation = app.Harness.Federation.Calls[^1];
        Assert.Equal(app.Harness.Sts.Issued[^1].AccessKeyId, federation.SessionId);
        var reply = Assert.Single(app.Slack.Calls(FakeSlackApi.ResponseUrlMethod));
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        var url = (string?)LinkButton(reply)?["url"];
        Assert.NotNull(url);
        Assert.Contains("Action=login", url, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(app.Harness.Federation.Tokens[^1]), url, StringComparison.Ordinal);
        // The grant itself is unchanged: no renewal, same credentials in the DM.
        Assert.Equal(1, (await app.GetAsync(active.Id)).Grant!.Issues);
    }

    [Fact]
    public async Task Console_AfterTheGrantEnded_IsRefusedWithoutAnyStsCall()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        app.Harness.Time.Advance(TimeSpan.FromMinutes(61));

        await app.ClickAsync(GrantActionIds.Console, active.Id);
        await app.WaitForQueueAsync();

        Assert.Contains("has ended: the AWS console is closed", Assert.Single(app.Replies()), StringComparison.Ordinal);
        Assert.Single(app.Harness.Sts.Calls);
        Assert.DoesNotContain(app.Slack.Calls(FakeSlackApi.ResponseUrlMethod), c => LinkButton(c) is not null);
    }

    [Fact]
    public async Task Console_AfterIAmDone_IsRefused()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        await app.ClickAsync(GrantActionIds.Done, active.Id);
        await app.WaitForAsync(active.Id, r => r.Status == RequestStatus.Ended);

        await app.ClickAsync(GrantActionIds.Console, active.Id);

        Assert.Contains(app.Replies(), r => r.Contains("has ended", StringComparison.Ordinal));
        Assert.Single(app.Harness.Sts.Calls);
    }

    [Fact]
    public async Task Dm_ConsoleButton_CarriesTheRequestIdAndNoLink()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));

        var button = app.Dm().Blocks!.Select(b => b?["accessory"]).OfType<JsonObject>().Single(a => (string?)a["action_id"] == GrantActionIds.Console);

        Assert.Equal(active.Id.ToString(), (string?)button["value"]);
        Assert.Null(button["url"]);
    }
}
