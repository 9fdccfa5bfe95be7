using FsCheck.Xunit;
using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

/// <summary>Hostile or random text never throws and never yields a half-parsed request.</summary>
public sealed class RequestParserPropertyTests
{
    private static readonly AccessOptions Options = new()
    {
        Resources =
        [
            new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", Prefix = "reports/", Approvers = ["U0DATA"] },
            new ResourceOptions { Name = "logs", Bucket = "logs", Prefix = "", Approvers = ["U0OPS"] },
        ],
    };

    [Property(MaxTest = 500)]
    public void TryParse_AnyText_EitherParsesCleanlyOrExplains(string? text)
    {
        if (RequestParser.TryParse(text, out var request, out var problem))
        {
            Assert.Equal(ParseProblem.None, problem);
            Assert.NotEmpty(request.Bucket);
            Assert.DoesNotContain("  ", request.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(request.Reason, char.IsControl);
            Assert.True(request.Duration is null || request.Duration > TimeSpan.Zero);
        }
        else
        {
            Assert.NotEqual(ParseProblem.None, problem);
        }
    }

    [Property(MaxTest = 500)]
    public void Decide_AnyParsedText_AllowsOnlyWhatTheCatalogCovers(string? tail, bool guest)
    {
        if (!RequestParser.TryParse("logs/" + tail, out var request, out _))
        {
            return;
        }

        switch (AccessPolicy.Decide(request, Options, new RequesterFacts(guest, false, false)))
        {
            case AccessDecision.Allowed allowed:
                Assert.False(guest);
                Assert.Null(PrefixRules.Problem(allowed.Ref.Prefix));
                Assert.StartsWith(allowed.Resource.Prefix, allowed.Ref.Prefix, StringComparison.Ordinal);
                Assert.InRange(allowed.Duration, AccessOptions.MinDuration, allowed.Resource.MaxDuration);
                Assert.True(SessionPolicy.Build(allowed.Ref.Bucket, allowed.Ref.Prefix, null, "eu-west-1", "aws").Length <= SessionPolicy.MaxLength);
                break;
            case AccessDecision.Refused refused:
                Assert.False(string.IsNullOrWhiteSpace(refused.Text()));
                break;
        }
    }

    [Property(MaxTest = 500)]
    public void DurationParser_AnyText_ParsesOnlyPositiveDurations(string? text)
    {
        if (DurationParser.TryParse(text, out var duration))
        {
            Assert.True(duration > TimeSpan.Zero);
            Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var again) && again == duration);
        }
    }
}
