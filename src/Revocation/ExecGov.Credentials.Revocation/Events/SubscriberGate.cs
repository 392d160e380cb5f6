namespace ExecGov.Credentials.Revocation.Events;

/// <summary>
/// Counts the event stream's open subscriptions. The stream is public and each subscriber holds a connection and a
/// waiter for as long as it likes, so without bounds anyone could hold the issuer's connections open. Three bounds:
/// <see cref="RevocationOptions.MaxEventSubscribers"/> in total; of those, <see cref="RevocationOptions.ReservedEventSubscribers"/>
/// only for trusted verifiers (anonymous subscribers never get them); and
/// <see cref="RevocationOptions.MaxEventSubscribersPerAddress"/> anonymous ones per client address. A refused
/// subscriber polls instead, which is always safe.
/// </summary>
internal sealed class SubscriberGate
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _anonymousCapacity;
    private readonly int _perAddress;
    private int _open;
    private int _anonymous;

    public SubscriberGate(int capacity, int perAddress = int.MaxValue, int reserved = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(reserved);
        _capacity = capacity;
        _anonymousCapacity = Math.Max(0, capacity - reserved);
        _perAddress = perAddress;
    }

    /// <summary>Subscriptions held now.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>
    /// Takes a place for a subscriber from <paramref name="address"/>, or null when none is left for it; every
    /// place taken must be given back once with <see cref="Exit"/>.
    /// </summary>
    /// <param name="address">The client address (anonymous subscribers are bounded per address).</param>
    /// <param name="trusted">Whether the subscriber passed the reserved-place policy.</param>
    public Place? TryEnter(string address, bool trusted)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            if (_open >= _capacity)
            {
                return null;
            }

            if (!trusted)
            {
                var held = _byAddress.GetValueOrDefault(address);
                if (_anonymous >= _anonymousCapacity || held >= _perAddress)
                {
                    return null;
                }

                _byAddress[address] = held + 1;
                _anonymous++;
            }

            _open++;
            return new Place(address, trusted);
        }
    }

    /// <summary>Gives a place back.</summary>
    public void Exit(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        lock (_gate)
        {
            _open--;
            if (place.Trusted)
            {
                return;
            }

            _anonymous--;
            var held = _byAddress[place.Address] - 1;
            if (held == 0)
            {
                _byAddress.Remove(place.Address);
            }
            else
            {
                _byAddress[place.Address] = held;
            }
        }
    }

    /// <summary>One taken place: who holds it, for <see cref="Exit"/>.</summary>
    internal sealed record Place(string Address, bool Trusted);
}
