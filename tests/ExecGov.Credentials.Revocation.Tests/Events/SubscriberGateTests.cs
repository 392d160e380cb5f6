using ExecGov.Credentials.Revocation.Events;

namespace ExecGov.Credentials.Revocation.Tests.Events;

public sealed class SubscriberGateTests
{
    [Fact]
    public void One_address_gets_at_most_its_share_and_others_still_get_in()
    {
        var gate = new SubscriberGate(capacity: 10, perAddress: 2, reserved: 0);

        Assert.NotNull(gate.TryEnter("203.0.113.7", trusted: false));
        var second = gate.TryEnter("203.0.113.7", trusted: false);
        Assert.NotNull(second);
        Assert.Null(gate.TryEnter("203.0.113.7", trusted: false));
        Assert.NotNull(gate.TryEnter("198.51.100.1", trusted: false));

        gate.Exit(second);
        Assert.NotNull(gate.TryEnter("203.0.113.7", trusted: false));
        Assert.Equal(3, gate.Open);
    }

    [Fact]
    public void Reserved_places_go_only_to_trusted_subscribers_and_the_total_still_holds()
    {
        var gate = new SubscriberGate(capacity: 4, perAddress: 100, reserved: 2);

        Assert.NotNull(gate.TryEnter("a", trusted: false));
        Assert.NotNull(gate.TryEnter("b", trusted: false));
        Assert.Null(gate.TryEnter("c", trusted: false));
        Assert.NotNull(gate.TryEnter("c", trusted: true));
        Assert.NotNull(gate.TryEnter("c", trusted: true));
        Assert.Null(gate.TryEnter("d", trusted: true));
        Assert.Equal(4, gate.Open);
    }

    [Fact]
    public void Trusted_subscribers_are_not_bound_by_the_per_address_share()
    {
        var gate = new SubscriberGate(capacity: 5, perAddress: 1, reserved: 1);

        Assert.NotNull(gate.TryEnter("10.0.0.1", trusted: false));
        Assert.Null(gate.TryEnter("10.0.0.1", trusted: false));
        Assert.NotNull(gate.TryEnter("10.0.0.1", trusted: true));
        Assert.NotNull(gate.TryEnter("10.0.0.1", trusted: true));
    }
}
