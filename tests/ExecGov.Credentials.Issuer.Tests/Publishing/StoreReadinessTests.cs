using ExecGov.Credentials.Issuer.Publishing;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Issuer.Tests.Publishing;

public sealed class StoreReadinessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("execgov-readiness-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Store_that_takes_writes_is_ready_and_is_probed_at_most_once_per_interval()
    {
        using var store = new LiteDbStore(Path.Combine(_folder, LiteDbStore.FileName), durable: true);
        var readiness = new StoreReadiness(store, _time);

        Assert.True(readiness.IsWritable());
        var probed = store.Health.FindById(1).At;
        _time.Advance(StoreReadiness.ProbeInterval - TimeSpan.FromMilliseconds(1));
        Assert.True(readiness.IsWritable());
        Assert.Equal(probed, store.Health.FindById(1).At);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(readiness.IsWritable());
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), store.Health.FindById(1).At);
    }

    [Fact]
    public void Store_that_cannot_write_is_not_ready_at_the_next_probe()
    {
        var store = new LiteDbStore(Path.Combine(_folder, LiteDbStore.FileName), durable: true);
        var readiness = new StoreReadiness(store, _time);
        Assert.True(readiness.IsWritable());

        store.Dispose();
        _time.Advance(StoreReadiness.ProbeInterval);

        Assert.False(readiness.IsWritable());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
