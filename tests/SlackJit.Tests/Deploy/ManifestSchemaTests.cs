using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SlackJit.Slack.Transport;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Deploy;

/// <summary>
/// <c>manifest.yml</c> against Slack's manifest rules, written as our own JSON Schema
/// (<c>slack-app-manifest.schema.json</c> beside this file), and the parts SlackJit needs from it. Each broken variant
/// shows the schema can fail.
/// </summary>
public sealed class ManifestSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "SlackJit.Tests", "Deploy", "slack-app-manifest.schema.json"))));

    private static JsonObject Manifest() => CloudFormationTemplate.Load("manifest.yml").Root;

    [Fact]
    public void Manifest_AsShipped_MatchesSlacksManifestRules()
    {
        Assert.Empty(Errors(Manifest()));
    }

    [Fact]
    public void Manifest_SocketModeVariantTheCommentDescribes_MatchesSlacksManifestRules()
    {
        var manifest = Manifest();
        manifest["settings"]!["socket_mode_enabled"] = true;
        manifest["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        manifest["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        manifest["features"]!["slash_commands"]![0]!.AsObject().Remove("url");

        Assert.Empty(Errors(manifest));
    }

    [Fact]
    public void Manifest_SubscribesToAppHomeOpenedAtTheEventsEndpointWithTheHomeTab()
    {
        var manifest = Manifest();

        Assert.EndsWith(SlackEndpoints.EventsPath, (string?)manifest["settings"]!["event_subscriptions"]!["request_url"], StringComparison.Ordinal);
        Assert.Equal(["app_home_opened"], manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string?)e));
        Assert.True((bool?)manifest["features"]!["app_home"]!["home_tab_enabled"]);
        Assert.True((bool?)manifest["features"]!["app_home"]!["messages_tab_enabled"], "the credentials arrive as DMs, shown in the Messages tab");
        Assert.EndsWith(SlackEndpoints.InteractionsPath, (string?)manifest["settings"]!["interactivity"]!["request_url"], StringComparison.Ordinal);
    }

    public static TheoryData<string> Breakages() =>
    [
        "no app name",
        "unknown key",
        "home tab as text",
        "event listed twice",
        "home tab without a bot user",
        "events without a request URL over HTTP",
        "interactivity without a request URL over HTTP",
        "short long_description",
        "command without its slash",
        "colour by name",
        "events URL not http",
    ];

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Manifest_Broken_FailsTheSchema(string breakage)
    {
        var manifest = Manifest();
        var features = manifest["features"]!.AsObject();
        var settings = manifest["settings"]!.AsObject();
        var events = settings["event_subscriptions"]!.AsObject();
        switch (breakage)
        {
            case "no app name": manifest["display_information"]!.AsObject().Remove("name"); break;
            case "unknown key": features["app_home"]!["home_tab"] = true; break;
            case "home tab as text": features["app_home"]!["home_tab_enabled"] = "yes"; break;
            case "event listed twice": events["bot_events"]!.AsArray().Add("app_home_opened"); break;
            case "home tab without a bot user": features.Remove("bot_user"); break;
            case "events without a request URL over HTTP": events.Remove("request_url"); break;
            case "interactivity without a request URL over HTTP": settings["interactivity"]!.AsObject().Remove("request_url"); break;
            case "short long_description": manifest["display_information"]!["long_description"] = "Too short."; break;
            case "command without its slash": features["slash_commands"]![0]!["command"] = "s3-access"; break;
            case "colour by name": manifest["display_information"]!["background_color"] = "blue"; break;
            case "events URL not http": events["request_url"] = "slackjit.example.com/slack/events"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        Assert.NotEmpty(Errors(manifest));
    }

    private static IReadOnlyList<string> Errors(JsonObject manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid, without details"];
    }
}
