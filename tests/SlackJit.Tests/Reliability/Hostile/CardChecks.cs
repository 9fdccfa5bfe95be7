using System.Text.RegularExpressions;
using SlackJit.Tests.Cards;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>What a message built from user text may carry, read the way Slack renders it.</summary>
internal static partial class CardChecks
{
    /// <summary>
    /// Mention, broadcast and link tokens (<c>&lt;…&gt;</c> in mrkdwn, where Slack acts on them) come only from the app:
    /// mentions of <paramref name="allowedMentions"/> and dates. No bidi or control character anywhere in the message.
    /// </summary>
    public static void AssertNoInjectedMarkup(EmulatedMessage message, params string[] allowedMentions)
    {
        foreach (var mrkdwn in CardText.Mrkdwn(message.Blocks).Append(message.Text ?? ""))
        {
            foreach (Match token in AngleToken().Matches(mrkdwn))
            {
                Assert.True(
                    allowedMentions.Any(u => token.Value == $"<@{u}>") || token.Value.StartsWith("<!date^", StringComparison.Ordinal),
                    $"message carries {token.Value}: {mrkdwn}");
            }
        }
        Assert.DoesNotContain(message.AllText, c => IsBidi(c) || (char.IsControl(c) && c != '\n'));
    }

    public static bool IsBidi(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex AngleToken();
}
