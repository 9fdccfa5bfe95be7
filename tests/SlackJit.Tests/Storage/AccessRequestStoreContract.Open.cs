using SlackJit.Access;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage;

/// <summary>The open requests (the App Home's approver side), read through the due index on every store.</summary>
public abstract partial class AccessRequestStoreContract
{
    [Fact]
    public async Task GetOpenAsync_MixedStatuses_ReturnsOnlyOpenOnesSoonestDueFirstBounded()
    {
        var later = Pending(T0, dueAt: T0.AddMinutes(30));
        var soonest = Pending(T0.AddMinutes(1), Requester("U0BOB"), dueAt: T0.AddMinutes(10));
        var approved = Pending(T0.AddMinutes(2), dueAt: T0.AddMinutes(50));
        // A revoked grant stays due until AWS's deny is in place: due, but not open.
        var revoked = Pending(T0.AddMinutes(3), dueAt: T0.AddMinutes(5)) with { Status = RequestStatus.Ended };
        var denied = Pending(T0.AddMinutes(4)) with { Status = RequestStatus.Denied };
        foreach (var request in new[] { later, soonest, approved, revoked, denied })
        {
            await Store.CreateAsync(request, Ct);
        }
        await Store.ApplyAsync(Approve(approved, "U0APPROVER", T0.AddMinutes(20), dueAt: T0.AddMinutes(20)), Ct);

        var all = await Store.GetOpenAsync(10, Ct);
        var two = await Store.GetOpenAsync(2, Ct);

        Assert.Equal([soonest.Id, approved.Id, later.Id], all.Select(r => r.Id));
        Assert.Equal(RequestStatus.Approved, all[1].Status);
        Assert.Equal([soonest.Id, approved.Id], two.Select(r => r.Id));
        AssertSameRequest(soonest, all[0]);
    }

    [Fact]
    public async Task GetOpenAsync_NothingOpen_ReturnsEmpty()
    {
        await Store.CreateAsync(Pending(T0) with { Status = RequestStatus.Cancelled }, Ct);

        Assert.Empty(await Store.GetOpenAsync(5, Ct));
    }

    [Fact]
    public async Task GetOpenAsync_ZeroLimit_Throws()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetOpenAsync(0, Ct));
    }
}
