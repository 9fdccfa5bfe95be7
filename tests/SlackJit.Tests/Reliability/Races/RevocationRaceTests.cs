using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Two replicas revoking different grants at once, on each store, against one IAM that checks signatures and keeps
/// one deny policy per role: IAM's put is last-writer-wins, so only the store-then-policy re-reads keep every
/// revocation in the policy.
/// </summary>
public sealed class RevocationRaceTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const int Grants = 8;

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Revoke_TwoReplicasEndingDifferentGrantsAtOnce_AwsDeniesEveryOne(StoreKind kind)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(kind, kind == StoreKind.DynamoDb ? dynalite : null);
        var a = await cluster.StartHostAsync("replica-A");
        var b = await cluster.StartHostAsync("replica-B");
        var actives = new List<AccessRequest>();
        for (var i = 0; i < Grants; i++)
        {
            var host = i % 2 == 0 ? a : b;
            var approved = await host.ApproveAsync(await host.RequestWithCardAsync($"analytics-prod/revoke-{i} 2h INC-{i} revocation race"));
            actives.Add(await host.WaitForRequestAsync(approved.Id, r => r.Status == RequestStatus.Active && r.Slack.DmTs is not null, "active"));
        }
        // Every PutRolePolicy waits a little, so the replicas' reads and writes interleave.
        cluster.Iam.BeforePut = _ => Task.Delay(Random.Shared.Next(0, 25));

        // Half end their own grant in the DM, half are revoked by an approver on the card; A and B take turns.
        var clicks = await RaceFlow.AllAtOnceAsync(actives.Select((r, i) => (Func<Task<ClickResult>>)(() =>
        {
            var host = i % 2 == 0 ? a : b;
            return i % 4 < 2
                ? host.ClickAndReadAsync(GrantActionIds.Done, r.Id.ToString(), SlackJitHarness.Requester, SharedStoreCluster.DmChannel, r.Slack.DmTs!)
                : host.ClickAndReadAsync(CardKeys.RevokeAction, r.Id.ToString(), SlackJitHarness.Approver, SlackJitHarness.ApproverChannel, r.Slack.CardTs!);
        })));
        Assert.All(clicks, c => Assert.Equal(200, c.Status));

        foreach (var r in actives)
        {
            var ended = await a.WaitForRequestAsync(r.Id, x => x.Revocation?.IsEnforced == true, "revoked in AWS");
            Assert.Equal(RequestStatus.Ended, ended.Status);
        }
        await Task.WhenAll(a.WaitForIdleAsync(), b.WaitForIdleAsync());
        Assert.All(actives, r => Assert.True(cluster.Iam.DeniesSession(SlackJitHarness.RoleName, r.Id.ToString()), $"{r.ShortId} is not denied"));
        Assert.Contains(cluster.Iam.Calls, c => c.Action == "PutRolePolicy");
        Assert.DoesNotContain(cluster.Iam.Calls, c => c.ErrorCode is "SignatureDoesNotMatch" or "InvalidClientTokenId" or "LimitExceeded");

        // The second look, by both sweepers at once: still every grant denied.
        cluster.Time.Advance(TimeSpan.FromMinutes(2));
        await RaceFlow.AllAtOnceAsync([() => a.SweepAsync(), () => b.SweepAsync()]);
        await Task.WhenAll(a.WaitForIdleAsync(), b.WaitForIdleAsync());
        Assert.All(actives, r => Assert.True(cluster.Iam.DeniesSession(SlackJitHarness.RoleName, r.Id.ToString()), $"{r.ShortId} is not denied after the sweep"));
    }
}
