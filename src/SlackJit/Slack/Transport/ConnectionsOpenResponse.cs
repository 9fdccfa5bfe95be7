namespace SlackJit.Slack.Transport;

/// <summary>The <c>apps.connections.open</c> answer: <c>{"ok":true,"url":"wss://…"}</c> or <c>{"ok":false,"error":"…"}</c>.</summary>
internal sealed record ConnectionsOpenResponse(bool Ok, string? Url = null, string? Error = null);
