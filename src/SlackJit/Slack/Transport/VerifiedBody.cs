using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>
/// What <see cref="SlackRequestGuard"/> hands an endpoint: the verified form, or the verified JSON (the Events API), or,
/// when the request stops at the guard, the answer to send instead (a refusal, or the empty 200 of an <c>ssl_check</c>).
/// </summary>
internal readonly record struct VerifiedBody(IResult? Answer, IFormCollection? Form, JsonElement Json)
{
    public static VerifiedBody Refused(IResult answer) => new(answer, null, default);

    public static VerifiedBody OfForm(IFormCollection form) => new(null, form, default);

    public static VerifiedBody OfJson(JsonElement json) => new(null, null, json);
}
