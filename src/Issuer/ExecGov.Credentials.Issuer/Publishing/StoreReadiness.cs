using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using LiteDB;

namespace ExecGov.Credentials.Issuer.Publishing;

/// <summary>
/// Whether the issuer store still takes writes, for <c>GET /healthz</c>: a probe document is written (a real,
/// durable commit) at most once per <see cref="ProbeInterval"/>, and the answer is remembered in between, so an
/// anonymous caller polling the endpoint cannot turn it into a stream of disk writes.
/// </summary>
internal sealed class StoreReadiness(IExecGovStore store, TimeProvider time)
{
    /// <summary>How long one probe's answer stands.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _writable;

    public bool IsWritable()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _checkedAt < ProbeInterval && now >= _checkedAt)
            {
                return _writable;
            }

            _writable = Probe(now);
            _checkedAt = now;
            return _writable;
        }
    }

    private bool Probe(DateTimeOffset now)
    {
        try
        {
            return store.Write<bool>(() =>
            {
                store.Health.Upsert(new HealthProbeDocument { Id = 1, At = now.ToUnixTimeMilliseconds() });
                return true;
            }).Value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or ObjectDisposedException or InvalidOperationException)
        {
            // Not ready: the file is gone, read-only, full, closed or corrupt. Fail closed; the next probe retries.
            return false;
        }
    }
}
