namespace SlackJit.Aws.Iam;

/// <summary>
/// Brings a role's deny policy (<see cref="RevocationPolicy"/>) in line with the revoked grants the store holds,
/// safely with many replicas although IAM's PutRolePolicy is last-writer-wins with no condition.
/// </summary>
/// <remarks>
/// Protocol (docs/REVOCATION.md): a revocation is recorded in the store first, then synced. Each round reads the
/// store, then the policy, and leaves only when the policy lists exactly the store's unexpired revocations;
/// otherwise it writes that set and goes round again. Why no revocation is lost: let P be the last write to the
/// policy and W its writer. W re-reads after P, so W leaves only when P lists everything W's post-write store read
/// holds — which includes every revocation recorded before it. Any other writer X that recorded x and left did so on
/// a policy read Q ∋ x: if Q was read after P, Q = P ∋ x; if before, x was recorded before P and so is in W's
/// post-write store read, hence in P. Stale writes can only re-add expired ids, which the next round prunes.
/// </remarks>
internal sealed class RevocationSync(IIamRolePolicies iam, TimeProvider time, ILogger<RevocationSync> logger)
{
    /// <summary>Rounds before giving up (other replicas kept changing the set); the sweeper tries again.</summary>
    public const int MaxRounds = 6;

    /// <summary>
    /// The pause before round 3 and later grows by this much a round (randomly up to twice that), so replicas that keep
    /// overwriting each other's lists fall out of step and one round runs alone (docs/REVOCATION.md). Rounds 1 and 2,
    /// the write and the check that it stuck, never wait.
    /// </summary>
    public static readonly TimeSpan ContendedPauseStep = TimeSpan.FromMilliseconds(40);

    /// <param name="revoked">Reads the store: every revoked grant on this role whose credentials may still work.</param>
    public async Task SyncAsync(RoleArn role, Func<CancellationToken, Task<IReadOnlyCollection<RevokedGrant>>> revoked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(revoked);
        for (var round = 1; round <= MaxRounds; round++)
        {
            if (round >= 3)
            {
                // Someone changed the list after our write: let the writers drift apart. Real time on purpose, not the
                // injected clock (which only dates the credentials): a pause between two IAM calls must pass by itself.
                await Task.Delay(ContendedPause(round), cancellationToken);
            }
            // The store first, then the policy: the order the proof above relies on.
            var wanted = RevocationPolicy.Wanted(await revoked(cancellationToken), time.GetUtcNow());
            var current = RevocationPolicy.Ids(await iam.GetAsync(role, RevocationPolicy.PolicyName, cancellationToken));
            if (current.SetEquals(wanted))
            {
                IamLog.RevocationsInPlace(logger, role.Name, wanted.Count, round);
                return;
            }
            if (wanted.Count == 0)
            {
                await iam.DeleteAsync(role, RevocationPolicy.PolicyName, cancellationToken);
            }
            else
            {
                await iam.PutAsync(role, RevocationPolicy.PolicyName, RevocationPolicy.Render(wanted, role.Name), cancellationToken);
            }
            IamLog.RevocationsWritten(logger, role.Name, wanted.Count, current.Count, round);
        }
        throw new IamException("PutRolePolicy", "NotSettled", 0,
            $"the revocation policy on role {role.Name} kept changing under other replicas for {MaxRounds} rounds", transient: true);
    }

    private static TimeSpan ContendedPause(int round) =>
        ContendedPauseStep * (round - 2) * (1 + Random.Shared.NextDouble());
}
