using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

/// <summary>Every (status, transition) pair: allowed ones move as the state machine says, the rest refuse.</summary>
public sealed class TransitionsTableTests
{
    public enum Move
    {
        Approve,
        Deny,
        Cancel,
        TimeOut,
        ClaimIssuance,
        ReleaseIssuance,
        Activate,
        Fail,
        Renew,
        Expire,
        End,
        RecordAttempt,
        WithSlackRefs,
        ClaimRenewal,
        CardPosted,
        CardNotPosted,
        Reschedule,
    }

    private static readonly Dictionary<(RequestStatus, Move), RequestStatus> Allowed = new()
    {
        [(RequestStatus.Pending, Move.Approve)] = RequestStatus.Approved,
        [(RequestStatus.Pending, Move.Deny)] = RequestStatus.Denied,
        [(RequestStatus.Pending, Move.Cancel)] = RequestStatus.Cancelled,
        [(RequestStatus.Pending, Move.TimeOut)] = RequestStatus.TimedOut,
        [(RequestStatus.Approved, Move.ClaimIssuance)] = RequestStatus.Issuing,
        [(RequestStatus.Approved, Move.Fail)] = RequestStatus.Failed,
        [(RequestStatus.Issuing, Move.ClaimIssuance)] = RequestStatus.Issuing,
        [(RequestStatus.Issuing, Move.ReleaseIssuance)] = RequestStatus.Approved,
        [(RequestStatus.Issuing, Move.Activate)] = RequestStatus.Active,
        [(RequestStatus.Issuing, Move.Fail)] = RequestStatus.Failed,
        [(RequestStatus.Active, Move.Renew)] = RequestStatus.Active,
        [(RequestStatus.Active, Move.Expire)] = RequestStatus.Expired,
        [(RequestStatus.Active, Move.End)] = RequestStatus.Ended,
        [(RequestStatus.Active, Move.ClaimRenewal)] = RequestStatus.Active,
        [(RequestStatus.Pending, Move.CardNotPosted)] = RequestStatus.Pending,
    };

    // Bookkeeping allowed in every status, which never changes it.
    private static readonly Move[] StayEverywhere = [Move.RecordAttempt, Move.WithSlackRefs, Move.CardPosted, Move.Reschedule];

    private static readonly DateTimeOffset DuringPending = T0 + TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset CardRetryAt = DuringPending + TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset RescheduledTo = T0 + TimeSpan.FromDays(1);

    // People deciding on a request that is no longer pending hear who decided.
    private static readonly Move[] Decisions = [Move.Approve, Move.Deny, Move.Cancel];

    public static TheoryData<RequestStatus, Move> AllPairs()
    {
        var data = new TheoryData<RequestStatus, Move>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var move in Enum.GetValues<Move>())
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Apply_EveryStatusAndTransition_FollowsTheStateMachine(RequestStatus status, Move move)
    {
        var request = In(status).Build();
        var (decision, now) = Apply(move, request);

        if (Expected(status, move) is { } to)
        {
            Assert.True(decision.IsAllowed, decision.ToString());
            var transition = decision.Transition;
            Assert.Equal(status, transition.FromStatus);
            Assert.Equal(request.Version, transition.FromVersion);
            Assert.Equal(to, transition.Next.Status);
            Assert.Equal(request.Version + 1, transition.Next.Version);
            if (move == Move.Reschedule)
            {
                // Bookkeeping: a new due time appends no audit event.
                Assert.Null(transition.Event);
                Assert.Equal(request.Events, transition.Next.Events);
            }
            else
            {
                Assert.Equal(request.Events.Count + 1, transition.Next.Events.Count);
                Assert.Same(transition.Event, transition.Next.Events[^1]);
                Assert.Equal(status, transition.Event!.From);
                Assert.Equal(to, transition.Event.To);
                Assert.Equal(now, transition.Event.At);
            }

            Assert.Equal(request.Id, transition.Next.Id);
            switch (move)
            {
                case Move.RecordAttempt or Move.WithSlackRefs or Move.ClaimRenewal:
                    // Recording changes nothing the sweeper or the store's status condition relies on.
                    Assert.Equal(request.DueAt, transition.Next.DueAt);
                    Assert.Equal(Unversioned(request), Unversioned(transition.Next));
                    break;
                case Move.CardPosted:
                    // A posted card makes a pending request due at its deadline (to time out); otherwise only its place is kept.
                    Assert.Equal(status == RequestStatus.Pending ? request.Deadline : request.DueAt, transition.Next.DueAt);
                    Assert.Equal(("C0APPROVALS", "1700000000.000100"), (transition.Next.Slack.CardChannel, transition.Next.Slack.CardTs));
                    Assert.Equal(Unversioned(request), Unversioned(transition.Next) with { DueAt = request.DueAt });
                    break;
                case Move.CardNotPosted:
                    // Tried again soon, never after the deadline.
                    Assert.Equal(CardRetryAt < request.Deadline ? CardRetryAt : request.Deadline, transition.Next.DueAt);
                    Assert.Equal(Unversioned(request), Unversioned(transition.Next) with { DueAt = request.DueAt });
                    break;
                case Move.Reschedule:
                    Assert.Equal(RescheduledTo, transition.Next.DueAt);
                    Assert.Equal(Unversioned(request), Unversioned(transition.Next) with { DueAt = request.DueAt });
                    break;
                default:
                    AssertDueAt(transition.Next, now);
                    break;
            }
        }
        else
        {
            Assert.False(decision.IsAllowed, decision.ToString());
            var expectedReason = Decisions.Contains(move) && status != RequestStatus.Pending
                ? RefusalReason.AlreadyDecided
                : RefusalReason.WrongStatus;
            Assert.Equal(expectedReason, decision.Refusal.Reason);
            Assert.Contains(request.ShortId, decision.Refusal.Text(), StringComparison.Ordinal);
            Assert.Null(decision.Transition);
        }

        // Whatever happened, the input is the value it was.
        Assert.Equal(In(status).Build().Version, request.Version);
        Assert.Equal(status, request.Status);
    }

    [Fact]
    public void Allowed_Table_CoversEveryArrowOfTheStateMachine()
    {
        // Every non-final status has a way out, and every final status is reached by some move.
        var reached = Allowed.Values.ToHashSet();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            if (status.IsFinal())
            {
                Assert.Contains(status, reached);
                Assert.DoesNotContain(Allowed.Keys, k => k.Item1 == status);
            }
            else
            {
                Assert.Contains(Allowed.Keys, k => k.Item1 == status);
            }
        }
    }

    private static AccessRequest Unversioned(AccessRequest request) => request with { Version = 0, Events = [], Slack = SlackRefs.None };

    private static RequestStatus? Expected(RequestStatus status, Move move) =>
        StayEverywhere.Contains(move) ? status
        : Allowed.TryGetValue((status, move), out var to) ? to
        : null;

    private static (TransitionDecision Decision, DateTimeOffset Now) Apply(Move move, AccessRequest request)
    {
        // Each move is tried at a time when it would be allowed from its proper status.
        var duringPending = DuringPending;
        var afterLease = LeaseEnd + TimeSpan.FromMinutes(10);
        var duringWindow = WindowEnd - TimeSpan.FromMinutes(30);
        var afterWindow = WindowEnd + TimeSpan.FromMinutes(1);
        return move switch
        {
            Move.Approve => (Transitions.Approve(request, "U0SECOND", duringPending), duringPending),
            Move.Deny => (Transitions.Deny(request, ApproverId, "not this week", duringPending), duringPending),
            Move.Cancel => (Transitions.Cancel(request, RequesterId, duringPending), duringPending),
            Move.TimeOut => (Transitions.TimeOut(request, Deadline), Deadline),
            Move.ClaimIssuance => (Transitions.ClaimIssuance(request, afterLease, TimeSpan.FromMinutes(2)), afterLease),
            Move.ReleaseIssuance => (Transitions.ReleaseIssuance(request, afterLease, afterLease + TimeSpan.FromSeconds(30), "Throttling"), afterLease),
            Move.Activate => (Transitions.Activate(request, Grant(), afterLease), afterLease),
            Move.Fail => (Transitions.Fail(request, "AccessDenied", "The role does not trust SlackJit.", afterLease), afterLease),
            Move.Renew => (Transitions.Renew(request, Grant() with { AccessKeyId = "ASIARENEWED" }, duringWindow), duringWindow),
            Move.Expire => (Transitions.Expire(request, afterWindow), afterWindow),
            Move.End => (Transitions.End(request, RequesterId, duringWindow), duringWindow),
            Move.RecordAttempt => (Transitions.RecordAttempt(request, "U0NOSY", "approve-refused", "not an approver", duringPending), duringPending),
            Move.WithSlackRefs => (Transitions.WithSlackRefs(request, new SlackRefs("C0APPROVALS", "1700000000.000100"), duringPending), duringPending),
            Move.ClaimRenewal => (Transitions.ClaimRenewal(request, RequesterId, duringWindow, TimeSpan.FromMinutes(2)), duringWindow),
            Move.CardPosted => (Transitions.CardPosted(request, "C0APPROVALS", "1700000000.000100", duringPending), duringPending),
            Move.CardNotPosted => (Transitions.CardNotPosted(request, "not_in_channel", CardRetryAt, duringPending), duringPending),
            Move.Reschedule => (Transitions.Reschedule(request, RescheduledTo, duringPending), duringPending),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
    }

    private static void AssertDueAt(AccessRequest next, DateTimeOffset now)
    {
        switch (next.Status)
        {
            case var s when s.IsFinal():
                Assert.Null(next.DueAt);
                break;
            case RequestStatus.Pending:
                Assert.Equal(next.Deadline, next.DueAt);
                break;
            case RequestStatus.Active:
                Assert.Equal(next.Grant!.WindowEnd, next.DueAt);
                break;
            case RequestStatus.Issuing:
                Assert.True(next.DueAt > now, "an issuing request is due when its lease runs out");
                break;
            default:
                Assert.NotNull(next.DueAt);
                break;
        }
    }
}
