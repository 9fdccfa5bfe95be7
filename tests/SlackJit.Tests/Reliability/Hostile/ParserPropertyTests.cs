using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Every parser, fed generated hostile input: nothing throws, and whatever is accepted is clean — the checks here
/// restate the rules independently of the code under test, so a parser that let something through would fail.
/// </summary>
public sealed class ParserPropertyTests(ITestOutputHelper output)
{
    private static readonly AccessOptions Catalog = new()
    {
        RequireReason = true,
        Resources =
        [
            new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", MaxDuration = TimeSpan.FromHours(4), Approvers = ["U0APPROVER1"] },
            new ResourceOptions { Name = "finance", Bucket = "finance-data", Prefix = "reports/", MaxDuration = TimeSpan.FromHours(2), Approvers = ["U0APPROVER1"] },
        ],
    };

    private static readonly string[] AnyUsers = ["U0REQUESTER", "U0APPROVER1", .. HostileGen.UnknownUsers];

    [Fact]
    public void RequestParser_HostileCommandText_NeverThrowsAndAllowsOnlyCleanCatalogRequests()
    {
        var allowedCount = 0;
        HostileRuns.Check(output, "request grammar", HostileRuns.RequestGrammar, HostileGen.CommandText, text =>
        {
            if (!RequestParser.TryParse(text, out var parsed, out var problem))
            {
                Assert.NotEqual(ParseProblem.None, problem);
                Assert.False(string.IsNullOrWhiteSpace(SlackJit.Requests.RequestReplies.CannotRead(problem)));
                return;
            }

            Assert.NotEmpty(parsed.Bucket);
            Assert.DoesNotContain(parsed.Bucket, char.IsWhiteSpace);
            AssertCleanReason(parsed.Reason);
            Assert.True(parsed.Duration is null || parsed.Duration > TimeSpan.Zero);

            switch (AccessPolicy.Decide(parsed, Catalog, RequesterFacts.Member))
            {
                case AccessDecision.Allowed allowed:
                    allowedCount++;
                    Assert.Contains(Catalog.Resources, r => r.Bucket == allowed.Ref.Bucket && allowed.Ref.Prefix.StartsWith(r.Prefix, StringComparison.Ordinal));
                    AssertSafePrefix(allowed.Ref.Prefix);
                    AssertCleanReason(allowed.Reason);
                    Assert.InRange(allowed.Reason.Length, 1, AccessPolicy.MaxReasonLength);
                    Assert.InRange(allowed.Duration, AccessOptions.MinDuration, allowed.Resource.MaxDuration);
                    break;
                case AccessDecision.Refused refused:
                    Assert.False(string.IsNullOrWhiteSpace(refused.Text()));
                    // Echoed input is clipped: a hostile paste cannot flood the reply.
                    Assert.True(refused.Text().Length < 600, $"{refused.Text().Length} characters");
                    Assert.DoesNotContain(refused.Text(), c => char.IsControl(c) || IsBidi(c));
                    break;
            }
        });

        // The generator must reach the accepting branch, or the checks above prove little.
        output.WriteLine($"allowed by the policy: {allowedCount}");
        Assert.True(allowedCount >= HostileRuns.RequestGrammar / 100, $"only {allowedCount} inputs were allowed");
    }

    [Fact]
    public void DurationParser_HostileText_NeverThrowsAndParsesOnlySaneDurations()
    {
        HostileRuns.Check(output, "durations", HostileRuns.Durations, HostileGen.DurationText, text =>
        {
            if (!DurationParser.TryParse(text, out var duration))
            {
                Assert.Equal(TimeSpan.Zero, duration);
                return;
            }

            Assert.InRange(duration, TimeSpan.FromMinutes(1), TimeSpan.FromDays(366));
            Assert.True(text.Length <= 32);
            Assert.All(text, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetter(c), $"U+{(int)c:X4} accepted in '{text}'"));
            Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var again) && again == duration);
        });
    }

    [Fact]
    public void PrefixRules_HostilePrefix_NeverThrowsAndAcceptsOnlyPlainPrefixes()
    {
        HostileRuns.Check(output, "prefixes", HostileRuns.Prefixes, FsCheck.Fluent.Gen.OneOf(HostileGen.Prefix, HostileGen.Text), prefix =>
        {
            if (PrefixRules.Problem(prefix) is { } problem)
            {
                Assert.False(string.IsNullOrWhiteSpace(problem));
                // Through the policy the refusal names the prefix (clipped) and says what is wrong.
                var decision = AccessPolicy.Decide(new ParsedRequest("analytics-prod", prefix, null, "why"), Catalog, RequesterFacts.Member);
                var refused = Assert.IsType<AccessDecision.Refused>(decision);
                Assert.Equal(RefusalReason.InvalidPrefix, refused.Reason);
                Assert.Contains(problem, refused.Text(), StringComparison.Ordinal);
                return;
            }

            AssertSafePrefix(prefix);
        });
    }

    [Fact]
    public void FormParsing_HostileBody_EitherRejectedOrReadIntoCompleteCommand()
    {
        HostileRuns.Check(output, "form bodies", HostileRuns.FormBodies, HostileForms.Body(AnyUsers, () => "https://hooks.slack.com/commands/T0TEAM/1/x"), body =>
        {
            // What SlackRequestGuard does with a verified body; its reader limits are its only exception (→ 400).
            FormCollection form;
            try
            {
                form = SlackRequestGuard.ParseForm(Encoding.UTF8.GetBytes(body));
            }
            catch (InvalidDataException)
            {
                return;
            }

            if (SlashCommandReader.TryRead(form, out var command, out var error))
            {
                Assert.False(string.IsNullOrEmpty(command.Command));
                Assert.False(string.IsNullOrEmpty(command.UserId));
                Assert.False(string.IsNullOrEmpty(command.TeamId));
                Assert.NotNull(command.Text);
            }
            else
            {
                Assert.StartsWith("Missing field: ", error, StringComparison.Ordinal);
            }

            var payload = form["payload"];
            var parse = payload.Count == 1 ? SlackInteractionParser.Parse(payload[0]) : InteractionParse.Invalid("Missing payload.");
            AssertExactlyOneOutcome(parse);
        });
    }

    [Fact]
    public void SlackInteractionParser_HostilePayload_NeverThrowsAndYieldsOnlyUsablePayloads()
    {
        var gen = HostilePayloads.Any(AnyUsers, [Guid.CreateVersion7().ToString(), Guid.CreateVersion7().ToString()], () => "https://hooks.slack.com/actions/T0TEAM/1/x");
        var parsedCount = 0;
        HostileRuns.Check(output, "interaction payloads", HostileRuns.InteractionPayloads, gen, json =>
        {
            var parse = SlackInteractionParser.Parse(json);
            AssertExactlyOneOutcome(parse);
            parsedCount += parse.Interaction is null ? 0 : 1;
            switch (parse.Interaction)
            {
                case BlockActionsPayload actions:
                    Assert.False(string.IsNullOrWhiteSpace(actions.User.Id));
                    Assert.NotEmpty(actions.Actions);
                    Assert.All(actions.Actions, a => Assert.False(string.IsNullOrEmpty(a.ActionId)));
                    break;
                case ViewSubmissionPayload submission:
                    Assert.False(string.IsNullOrWhiteSpace(submission.User.Id));
                    Assert.False(string.IsNullOrEmpty(submission.View.Id));
                    // What the handlers read from the state must be readable whatever was sent.
                    _ = NewRequestModal.Read(submission.View.State, Catalog);
                    _ = submission.View.State?.Get(RequestsSlackKeys.DenyReasonBlock, RequestsSlackKeys.Value);
                    break;
                case ViewClosedPayload closed:
                    Assert.False(string.IsNullOrWhiteSpace(closed.User.Id));
                    break;
            }

            // Socket Mode hands the parsed element over instead of text: the same answer.
            if (TryParseJson(json) is { } document)
            {
                using (document)
                {
                    var again = SlackInteractionParser.Parse(document.RootElement);
                    Assert.Equal(parse.Interaction is null, again.Interaction is null);
                    Assert.Equal(parse.UnknownType, again.UnknownType);
                }
            }
        });

        output.WriteLine($"parsed into a handled interaction: {parsedCount}");
        Assert.True(parsedCount >= HostileRuns.InteractionPayloads / 10, $"only {parsedCount} payloads parsed");
    }

    [Fact]
    public void SlashCommandReader_HostileSocketModePayload_NeverThrows()
    {
        var gen = HostilePayloads.Mutated(FsCheck.Fluent.Gen.Zip(HostileGen.CommandText, FsCheck.Fluent.Gen.Elements(AnyUsers)).Select(p => new System.Text.Json.Nodes.JsonObject
        {
            ["command"] = RequestsSlackKeys.Command,
            ["text"] = p.Item1,
            ["user_id"] = p.Item2,
            ["team_id"] = "T0TEAM",
            ["channel_id"] = "C0X",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = "https://hooks.slack.com/commands/x",
        }));
        HostileRuns.Check(output, "socket mode command payloads", HostileRuns.SocketModeCommands, gen, json =>
        {
            if (TryParseJson(json) is not { } document)
            {
                return;
            }
            using (document)
            {
                if (SlashCommandReader.TryRead(document.RootElement, out var command, out var error))
                {
                    Assert.False(string.IsNullOrEmpty(command.UserId));
                    Assert.False(string.IsNullOrEmpty(command.Command));
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(error));
                }
            }
        });
    }

    [Fact]
    public void NewRequestModalRead_HostileSubmission_NeverThrowsAndStaysInsideTheChosenEntry()
    {
        var submissions = HostilePayloads.ViewSubmissions(AnyUsers, []);
        var gen = FsCheck.Fluent.Gen.Frequency(
            (3, submissions.Select(p => p.ToJsonString())),
            (1, HostilePayloads.Mutated(submissions)));
        var requestCount = 0;
        HostileRuns.Check(output, "view submission states", HostileRuns.ViewSubmissionStates, gen, json =>
        {
            if (SlackInteractionParser.Parse(json).Interaction is not ViewSubmissionPayload submission)
            {
                return;
            }

            var (parsed, errors) = NewRequestModal.Read(submission.View.State, Catalog);
            if (parsed is null)
            {
                Assert.NotNull(errors);
                Assert.NotEmpty(errors);
                return;
            }

            requestCount++;
            var entry = Assert.Single(Catalog.Resources, r => r.Bucket == parsed.Bucket);
            Assert.StartsWith(entry.Prefix, parsed.Prefix, StringComparison.Ordinal);
            AssertCleanReason(parsed.Reason);
            if (AccessPolicy.Decide(parsed, Catalog, RequesterFacts.Member) is AccessDecision.Allowed allowed)
            {
                Assert.Equal(entry.Name, allowed.Resource.Name);
                AssertSafePrefix(allowed.Ref.Prefix);
            }
        });

        output.WriteLine($"read into a request: {requestCount}");
        Assert.True(requestCount >= HostileRuns.ViewSubmissionStates / 100, $"only {requestCount} submissions named a catalog entry");
    }

    /// <summary>What a prefix in a session policy may never hold (restated, not read from <see cref="PrefixRules"/>).</summary>
    private static void AssertSafePrefix(string prefix)
    {
        Assert.True(prefix.Length <= ResourceOptions.MaxPrefixLength, $"{prefix.Length} characters");
        Assert.False(prefix.StartsWith('/'), prefix);
        Assert.DoesNotContain('*', prefix);
        Assert.DoesNotContain('?', prefix);
        Assert.DoesNotContain("..", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("${", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain('"', prefix);
        Assert.DoesNotContain('\\', prefix);
        Assert.DoesNotContain(prefix, c => char.IsControl(c) || IsBidi(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);
        Assert.True(IsWellFormedUtf16(prefix), "lone surrogate");
    }

    private static void AssertCleanReason(string reason)
    {
        Assert.DoesNotContain(reason, c => char.IsControl(c) || IsBidi(c));
        Assert.DoesNotContain("  ", reason, StringComparison.Ordinal);
        Assert.Equal(reason.Trim(), reason);
    }

    private static void AssertExactlyOneOutcome(InteractionParse parse)
    {
        var outcomes = (parse.Interaction is null ? 0 : 1) + (parse.UnknownType is null ? 0 : 1) + (parse.Error is null ? 0 : 1);
        Assert.Equal(1, outcomes);
        if (parse.Error is { } error)
        {
            // Returned to the caller as the 400 body: short, and never an echo of the payload.
            Assert.True(error.Length <= 80, error);
        }
    }

    private static bool IsBidi(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static JsonDocument? TryParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: a raw lone surrogate, which no UTF-8 body can carry.
            return null;
        }
    }
}
