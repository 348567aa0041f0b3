using System.Threading.Channels;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Tests.Accounts;

public sealed class PasswordHashSlotsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PasswordHashSlots _slots = new();

    [Fact]
    public async Task One_hash_per_core_runs_at_once_and_the_others_wait_their_turn_in_arrival_order()
    {
        var cores = Environment.ProcessorCount;
        var entered = Channel.CreateUnbounded<int>();
        var finish = Enumerable.Range(0, cores + 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var logins = Enumerable.Range(0, finish.Length).Select(i => _slots.RunAsync(async () =>
        {
            await entered.Writer.WriteAsync(i);
            await finish[i].Task;
            return i;
        })).ToArray();

        var first = new List<int>();
        for (var i = 0; i < cores; i++)
        {
            first.Add(await entered.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        }

        Assert.Equal(Enumerable.Range(0, cores), first.Order());
        Assert.False(entered.Reader.TryRead(out _), "a login entered while every slot was taken");

        // Each finished hash lets in the longest-waiting login, no other.
        for (var waiting = cores; waiting < finish.Length; waiting++)
        {
            finish[waiting - cores].SetResult();
            Assert.Equal(waiting, await entered.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        }

        foreach (var done in finish.Skip(finish.Length - cores))
        {
            done.SetResult();
        }

        Assert.Equal(Enumerable.Range(0, finish.Length), await Task.WhenAll(logins).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_hash_computed_inside_a_slot_uses_that_slot_instead_of_waiting_for_another()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = Enumerable.Range(0, Environment.ProcessorCount - 1).Select(_ => _slots.RunAsync(async () =>
        {
            await release.Task;
            return 0;
        })).ToArray();

        // The last free slot: Identity's synchronous hasher runs inside it (a login whose hash is upgraded).
        var answer = await _slots.RunAsync(() => Task.FromResult(_slots.Run(() => 42))).WaitAsync(Patience);

        Assert.Equal(42, answer);
        release.SetResult();
        await Task.WhenAll(others).WaitAsync(Patience);
    }

    public void Dispose() => _slots.Dispose();
}
