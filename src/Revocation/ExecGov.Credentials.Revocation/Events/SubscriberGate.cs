namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// Counts the event stream's open subscriptions against <see cref="RevocationOptions.MaxEventSubscribers"/>. The
/// stream is public and each subscriber holds a connection and a waiter for as long as it likes, so without a bound
/// anyone could hold the issuer's connections open; a refused subscriber polls instead, which is always safe.
/// </summary>
internal sealed class SubscriberGate(int capacity)
{
    private int _open;

    /// <summary>Subscriptions held now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Takes a place, or false when all are taken; every true must be paired with one <see cref="Exit"/>.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref _open);
        return false;
    }

    /// <summary>Gives a place back.</summary>
    public void Exit() => Interlocked.Decrement(ref _open);
}
