using System.Text.Json;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Transport;
using SlackJit.Tests.Fakes;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>The form's break-glass checkbox: shown only when some entry allows it, read back from Slack's checkboxes state.</summary>
public sealed class BreakGlassModalTests
{
    private static AccessOptions Options(bool breakGlass) => new()
    {
        DefaultDuration = TimeSpan.FromHours(1),
        Resources =
        [
            new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Approvers = ["U0A"], BreakGlass = breakGlass },
            new ResourceOptions { Name = "finance", Bucket = "finance-data", Approvers = ["U0A"] },
        ],
    };

    [Fact]
    public void Build_AnEntryAllowsBreakGlass_ValidViewWithTheCheckbox()
    {
        var view = NewRequestModal.Build(Options(breakGlass: true));

        Assert.Null(SlackLimits.CheckView(view));
        var block = Assert.Single(view["blocks"]!.AsArray(), b => (string?)b!["block_id"] == RequestsSlackKeys.BreakGlassBlock)!;
        Assert.Equal("checkboxes", (string?)block["element"]!["type"]);
        Assert.True((bool?)block["optional"]);
        Assert.Equal(RequestsSlackKeys.BreakGlassValue, (string?)block["element"]!["options"]![0]!["value"]);
    }

    [Fact]
    public void Build_NoEntryAllowsBreakGlass_NoCheckbox()
    {
        var view = NewRequestModal.Build(Options(breakGlass: false));

        Assert.DoesNotContain(view["blocks"]!.AsArray(), b => (string?)b!["block_id"] == RequestsSlackKeys.BreakGlassBlock);
    }

    [Theory]
    [InlineData("""[{"text":{"type":"plain_text","text":"Issue now"},"value":"break-glass"}]""", true)]
    [InlineData("[]", false)]
    public void Read_CheckboxesStateAsSlackSendsIt_BreakGlassWhenTicked(string selected, bool expected)
    {
        var state = JsonSerializer.Deserialize(
            """
            {"values":{
              "resource":{"value":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"analytics"},"value":"analytics"}}},
              "duration":{"value":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"30m"},"value":"30m"}}},
              "reason":{"value":{"type":"plain_text_input","value":"INC-1 outage"}},
              "break-glass":{"value":{"type":"checkboxes","selected_options":SELECTED}}
            }}
            """.Replace("SELECTED", selected, StringComparison.Ordinal),
            SlackTransportJsonContext.Default.SlackViewState);

        var (request, errors) = NewRequestModal.Read(state, Options(breakGlass: true));

        Assert.Null(errors);
        Assert.Equal(new ParsedRequest("analytics-prod", "", TimeSpan.FromMinutes(30), "INC-1 outage", expected), request);
    }

    [Theory]
    [InlineData(RefusalReason.BreakGlassNotAllowed, RequestsSlackKeys.BreakGlassBlock)]
    [InlineData(RefusalReason.BreakGlassTooLong, RequestsSlackKeys.DurationBlock)]
    [InlineData(RefusalReason.BreakGlassReasonRequired, RequestsSlackKeys.ReasonBlock)]
    public void BlockFor_BreakGlassRefusal_TheInputItIsAbout(RefusalReason reason, string block) =>
        Assert.Equal(block, NewRequestModal.BlockFor(reason));

    [Fact]
    public void Help_BreakGlassLineOnlyWhenAnEntryAllowsIt()
    {
        var with = RequestReplies.Help(Options(breakGlass: true));
        var without = RequestReplies.Help(Options(breakGlass: false));

        Assert.Contains($"{RequestReplies.BreakGlassUsage} — emergencies only (analytics): issued at once for at most 1h", with, StringComparison.Ordinal);
        Assert.DoesNotContain("break-glass", without, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageTexts_NoBareAngleBracket_SoSlackShowsThePlaceholders()
    {
        // In mrkdwn a bare < opens a link or mention (<bucket> would not show as typed); only Slack's own sequences
        // (<@U…>, <#C…>, <!…>) may start with one.
        string[] texts =
        [
            RequestReplies.Help(Options(breakGlass: true)),
            RequestReplies.Usage,
            RequestReplies.BreakGlassUsage,
            RequestReplies.List([], DateTimeOffset.UnixEpoch).Text,
            .. Enum.GetValues<ParseProblem>().Select(RequestReplies.CannotRead),
        ];

        Assert.All(texts, text => Assert.DoesNotMatch("<[^@#!]", text));
        Assert.Contains("&lt;bucket&gt;", texts[0], StringComparison.Ordinal);
    }
}
