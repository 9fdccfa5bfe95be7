using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Slack.Messaging;

/// <summary>The domain's refusals are facts; these are the sentences people read for them.</summary>
public sealed class RefusalTextTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<Refusal, string> Cases() => new()
    {
        {
            new Refusal(RefusalReason.NotRequester, new RefusalFacts { RequestId = "R-7KQ3", UserId = "U0REQ", Action = "cancel" }),
            "Only <@U0REQ> can cancel R-7KQ3."
        },
        {
            new Refusal(RefusalReason.AlreadyDecided, new RefusalFacts { RequestId = "R-7KQ3", Status = RequestStatus.Denied, UserId = "U0APP" }),
            "R-7KQ3 was already denied by <@U0APP>."
        },
        {
            new Refusal(RefusalReason.AlreadyDecided, new RefusalFacts { RequestId = "R-7KQ3", Status = RequestStatus.Approved }),
            "R-7KQ3 was already approved by someone."
        },
        {
            new Refusal(RefusalReason.WrongStatus, new RefusalFacts { RequestId = "R-7KQ3", Status = RequestStatus.Expired, Action = "renewed" }),
            "R-7KQ3 is expired, so it cannot be renewed."
        },
        {
            new Refusal(RefusalReason.InvalidPrefix, new RefusalFacts { Input = "<!channel>*", Problem = "contains a wildcard" }),
            "The prefix `‹!channel›*` contains a wildcard."
        },
        {
            new Refusal(RefusalReason.InvalidBucket, new RefusalFacts { Input = "Analytics", Problem = BucketRules.Description, Suggestion = "analytics" }),
            $"`Analytics` is not a valid S3 bucket name ({BucketRules.Description}). Bucket names are lowercase: try `analytics`."
        },
        {
            new Refusal(RefusalReason.TooManyPending, new RefusalFacts { Count = 1, Limit = 1 }),
            "You already have 1 request waiting for approval (the most allowed is 1); cancel one or wait for a decision."
        },
        {
            new Refusal(RefusalReason.DuplicateApproval, new RefusalFacts { RequestId = "R-7KQ3", Count = 2 }),
            "You already approved R-7KQ3; it needs 2 more approvals from someone else."
        },
        {
            new Refusal(RefusalReason.NotDue, new RefusalFacts { RequestId = "R-7KQ3", Status = RequestStatus.Active, At = At }),
            "R-7KQ3 is active until 2026-03-02 10:00:00Z."
        },
        {
            new Refusal(RefusalReason.LeaseHeld, new RefusalFacts { RequestId = "R-7KQ3", Status = RequestStatus.Active }),
            "A renewal of R-7KQ3 is already under way; the message updates when it is done."
        },
        {
            new Refusal(RefusalReason.WindowClosed, new RefusalFacts { RequestId = "R-7KQ3", At = At }),
            "The access window of R-7KQ3 ended at 2026-03-02 10:00:00Z; make a new request."
        },
        {
            new Refusal(RefusalReason.ReasonRequired, new RefusalFacts { Input = "analytics-prod/reports/", Duration = TimeSpan.FromHours(2) }),
            "Add a reason so approvers can decide, e.g. `/s3-access analytics-prod/reports/ 2h INC-4211 investigating`."
        },
        {
            Refusal.Worded(RefusalReason.LeaseHeld, "already worded"),
            "already worded"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_Facts_WordedForPeople(Refusal refusal, string expected) => Assert.Equal(expected, refusal.Text());
}
