using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Grants;

/// <summary>
/// The requester's DM while access is live: the credentials as shell lines and as a CLI profile, the console
/// link, the expiry, and the Renew / I'm done buttons. The only place secrets ever go. The fallback text (shown
/// in notifications) never holds one.
/// </summary>
internal static class GrantMessages
{
    private const string ActionsBlockId = "grant_actions";

    /// <summary>
    /// The credentials message, or false when a credential is too long for one Slack section: Slack would cut
    /// it, and a cut credential is worse than none.
    /// </summary>
    public static bool TryCredentials(
        AccessRequest request,
        IssuedCredentials credentials,
        string? signinError,
        DateTimeOffset windowEnd,
        DateTimeOffset now,
        bool renewed,
        [NotNullWhen(true)] out SlackMessage? message,
        GrantScope? scope = null)
    {
        message = null;
        var id = request.ShortId;
        var what = Mrkdwn.Escape(request.Resource.Display);
        var expiry = credentials.Expiration;
        var canRenew = GrantDuration.CanRenew(expiry, windowEnd);
        var profile = ProfileName(request);

        var shell = CodeSections("*Shell*",
        [
            $"export AWS_ACCESS_KEY_ID={credentials.AccessKeyId}",
            $"export AWS_SECRET_ACCESS_KEY={credentials.SecretAccessKey}",
            $"export AWS_SESSION_TOKEN={credentials.SessionToken}",
        ]);
        var file = CodeSections($"*AWS CLI profile*: add to `~/.aws/credentials`, then use `--profile {profile}`",
        [
            $"[{profile}]",
            $"aws_access_key_id = {credentials.AccessKeyId}",
            $"aws_secret_access_key = {credentials.SecretAccessKey}",
            $"aws_session_token = {credentials.SessionToken}",
        ]);
        if (shell is null || file is null)
        {
            return false;
        }

        var intro = $"Read-only access to `{what}` is ready. These credentials expire {SlackDates.DateAtTime(expiry)} ({SlackDates.Relative(expiry, now)}).";
        intro += canRenew
            ? $" Your approved window lasts until {SlackDates.DateAtTime(windowEnd)}: press *Renew credentials* for fresh ones."
            : " That is the end of your approved window.";

        var blocks = BlockList.ForMessage()
            .Add(Block.Header(renewed ? $"Renewed AWS credentials for {id}" : $"AWS credentials for {id}"))
            .Add(Block.Section(intro))
            .AddRange(GrantScopeText.Lines(scope).Select(line => Block.PlainSection(line)))
            .AddRange(shell)
            .AddRange(file)
            .Add(ConsoleBlock(request))
            .Add(Block.Actions(ActionsBlockId, Buttons(request, canRenew)))
            .Add(Block.Context(
                "Only you can see this message. SlackJit removes the credentials from it when your access ends. Never paste them into a channel."));
        message = new SlackMessage(
            $"Your AWS credentials for {id} ({what}) are ready; they expire at {SlackDates.Utc(expiry)}.", blocks.ToJsonArray());
        return true;
    }

    /// <summary>The CLI profile name: <c>slackjit-</c> and the short id, e.g. <c>slackjit-7kq3ab</c>.</summary>
    public static string ProfileName(AccessRequest request) =>
        "slackjit-" + request.ShortId["R-".Length..].ToLowerInvariant();

    /// <summary>The live grant's buttons as the DM shows them (Renew while a renewal gains time, more time, I'm done).</summary>
    public static IEnumerable<JsonObject> Buttons(AccessRequest request) =>
        Buttons(request, request.Grant is { } grant && GrantDuration.CanRenew(grant.SessionExpiry, grant.WindowEnd));

    private static IEnumerable<JsonObject> Buttons(AccessRequest request, bool canRenew)
    {
        var value = request.Id.ToString();
        if (canRenew)
        {
            yield return Element.Button(GrantActionIds.Renew, "Renew credentials", value, ButtonStyle.Primary);
        }
        yield return Element.Button(Cards.ExtensionKeys.Ask, "Ask for more time", value);
        yield return Element.Button(
            GrantActionIds.Done,
            "I'm done",
            value,
            ButtonStyle.Danger,
            confirm: new ConfirmDialog(
                "End your access?",
                "The credentials are removed from this message and will not be renewed, and AWS stops accepting " +
                "the ones already issued (and any console session) within about a minute.",
                "End access",
                "Keep it",
                ButtonStyle.Danger));
    }

    // The console button makes its sign-in link at click time (GrantConsoleHandler): a link made now would die after
    // 15 minutes, while the grant lasts longer.
    private static JsonObject ConsoleBlock(AccessRequest request) => Block.Section(
        $"*AWS console*: opens `{Mrkdwn.Escape(request.Resource.Display)}` until your grant ends. Each press makes a fresh sign-in link, shown only to you.",
        accessory: Element.Button(GrantActionIds.Console, "Open the AWS console", request.Id.ToString()));

    /// <summary>
    /// One code block under <paramref name="title"/>, or one block per line when they do not fit one section;
    /// null when a single line is too long for any section.
    /// </summary>
    private static List<JsonObject>? CodeSections(string title, IReadOnlyList<string> lines)
    {
        var escaped = lines.Select(line => Mrkdwn.Escape(line)).ToList();
        var whole = $"{title}\n```{string.Join('\n', escaped)}```";
        if (whole.Length <= BlockLimits.SectionText)
        {
            return [Block.Section(whole)];
        }

        var sections = new List<JsonObject> { Block.Section(title) };
        foreach (var line in escaped)
        {
            var block = $"```{line}```";
            if (block.Length > BlockLimits.SectionText)
            {
                return null;
            }
            sections.Add(Block.Section(block));
        }
        return sections;
    }
}
