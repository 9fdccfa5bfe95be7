using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Grants;
using SlackJit.Slack.Blocks;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Grants;

public sealed class GrantMessagesTests
{
    private static readonly DateTimeOffset Now = AccessRequestBuilder.ApprovedAt;
    private static readonly AccessRequest Request = AccessRequestBuilder.In(RequestStatus.Issuing).Build();

    private static IssuedCredentials Credentials(string? signinUrl = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=tok", int tokenLength = 300) =>
        new("ASIAKEYID", "SECRETKEY/abc+def", new string('T', tokenLength), Now.AddHours(1), "AROA:jit-x", signinUrl);

    [Fact]
    public void TryCredentials_Normal_HasShellLinesProfileLinkExpiryAndButtons()
    {
        Assert.True(GrantMessages.TryCredentials(Request, Credentials(), null, Now.AddHours(2), Now, renewed: false, out var message));

        var text = AllText(message.Blocks!);
        Assert.Contains("export AWS_ACCESS_KEY_ID=ASIAKEYID\nexport AWS_SECRET_ACCESS_KEY=SECRETKEY/abc+def\nexport AWS_SESSION_TOKEN=TTT", text, StringComparison.Ordinal);
        Assert.Contains($"[{GrantMessages.ProfileName(Request)}]\naws_access_key_id = ASIAKEYID", text, StringComparison.Ordinal);
        Assert.Matches("^slackjit-[0-9a-z]{6}$", GrantMessages.ProfileName(Request));
        Assert.Contains($"<!date^{Now.AddHours(1).ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
        Assert.Contains("(in 1h)", text, StringComparison.Ordinal);
        var buttons = Buttons(message.Blocks!);
        Assert.Equal([GrantActionIds.Console, GrantActionIds.Renew, SlackJit.Cards.ExtensionKeys.Ask, GrantActionIds.Done], buttons.Select(b => b["action_id"]!.GetValue<string>()));
        Assert.Equal(Request.Id.ToString(), buttons[1]["value"]!.GetValue<string>());
        Assert.NotNull(buttons[3]["confirm"]);
        Assert.Equal(Request.Id.ToString(), buttons[2]["value"]!.GetValue<string>());
        Assert.DoesNotContain("SECRETKEY", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCredentials_WindowEndsWithTheCredentials_HasNoRenewButton()
    {
        Assert.True(GrantMessages.TryCredentials(Request, Credentials(), null, Now.AddHours(1), Now, renewed: false, out var message));

        Assert.DoesNotContain(Buttons(message.Blocks!), b => b["action_id"]!.GetValue<string>() == GrantActionIds.Renew);
    }

    [Fact]
    public void TryCredentials_WithOrWithoutAnIssueTimeLink_ShowsTheClickTimeConsoleButtonAndNoLink()
    {
        var longUrl = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=" + new string('x', 3000);

        foreach (var credentials in new[] { Credentials(longUrl), Credentials(null) })
        {
            Assert.True(GrantMessages.TryCredentials(Request, credentials, "the console link could not be made: 503", Now.AddHours(2), Now, renewed: false, out var message));

            Assert.DoesNotContain(Buttons(message.Blocks!), b => b["url"] is not null);
            Assert.DoesNotContain("xxxxxxxx", AllText(message.Blocks!), StringComparison.Ordinal);
            var console = Assert.Single(Buttons(message.Blocks!), b => (string?)b["action_id"] == GrantActionIds.Console);
            Assert.Equal(Request.Id.ToString(), (string?)console["value"]);
        }
    }

    [Fact]
    public void TryCredentials_LongSessionToken_SplitsLinesIntoSectionsWithoutCuttingAny()
    {
        Assert.True(GrantMessages.TryCredentials(Request, Credentials(tokenLength: 2900), null, Now.AddHours(2), Now, renewed: false, out var message));

        var sections = message.Blocks!.OfType<JsonObject>().Select(b => b["text"]?["text"]?.GetValue<string>() ?? "").ToList();
        Assert.All(sections, s => Assert.True(s.Length <= BlockLimits.SectionText));
        Assert.Contains($"```export AWS_SESSION_TOKEN={new string('T', 2900)}```", sections);
        Assert.Contains($"```aws_session_token = {new string('T', 2900)}```", sections);
    }

    [Fact]
    public void TryCredentials_TokenTooLongForAnySection_Refuses()
    {
        Assert.False(GrantMessages.TryCredentials(Request, Credentials(tokenLength: 3000), null, Now.AddHours(2), Now, renewed: false, out _));
    }

    [Fact]
    public void Closed_Ended_HasNoButtonsAndIsHonestAboutExpiry()
    {
        var ended = AccessRequestBuilder.In(RequestStatus.Ended).Build();

        var message = GrantNotices.Closed(ended, ended.Grant!.SessionExpiry.AddMinutes(-30));

        Assert.Empty(Buttons(message.Blocks!));
        Assert.Contains("keep working until they expire", AllText(message.Blocks!), StringComparison.Ordinal);
        Assert.Contains("(in 30m)", AllText(message.Blocks!), StringComparison.Ordinal);
    }

    [Fact]
    public void Closed_ExpiredAfterTheCredentials_SaysTheyHaveExpired()
    {
        var expired = AccessRequestBuilder.In(RequestStatus.Expired).Build();

        var message = GrantNotices.Closed(expired, expired.Grant!.WindowEnd);

        Assert.Contains("has ended", AllText(message.Blocks!), StringComparison.Ordinal);
        Assert.Contains("The credentials have expired", AllText(message.Blocks!), StringComparison.Ordinal);
    }

    [Fact]
    public void Issuing_HostilePrefix_IsEscaped()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Issuing).WithResource(new ResourceRef("analytics", "analytics-prod", "<!channel>/")).Build();

        var message = GrantNotices.Issuing(request);

        Assert.DoesNotContain("<!channel>", AllText(message.Blocks!), StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", AllText(message.Blocks!), StringComparison.Ordinal);
    }

    [Fact]
    public void TryCredentials_ScopeWithExclusionsAndConditions_SaysWhereTheyWorkAndWhatIsLeftOut()
    {
        var scope = new GrantScope("analytics-prod", "reports/", ["reports/hr/"], new EntryConditions(["10.0.0.0/8"], [], []));

        Assert.True(GrantMessages.TryCredentials(Request, Credentials(), null, Now.AddHours(2), Now, renewed: false, out var message, scope));

        var text = AllText(message.Blocks!);
        Assert.Contains("Works only from 10.0.0.0/8", text, StringComparison.Ordinal);
        Assert.Contains("Excludes reports/hr/ — separate approval", text, StringComparison.Ordinal);
    }

    private static List<JsonObject> Buttons(JsonArray blocks) => [.. GrantIssuingTests.Buttons(blocks)];

    private static string AllText(JsonNode? node) => node switch
    {
        JsonObject obj => string.Join("\n", obj.Select(p => AllText(p.Value))),
        JsonArray array => string.Join("\n", array.Select(AllText)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => "",
    };
}
