using System.Text.Json.Nodes;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>One click or submission as Slack saw it: who sent it and the app's HTTP answer.</summary>
internal sealed record ClickResult(string User, int Status, JsonObject Body);
