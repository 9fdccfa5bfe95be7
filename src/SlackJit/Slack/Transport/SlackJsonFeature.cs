using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>The JSON body of a request whose signature has been verified (the Events API); set by <see cref="SlackRequestFilter"/>.</summary>
internal sealed record SlackJsonFeature(JsonElement Body);
