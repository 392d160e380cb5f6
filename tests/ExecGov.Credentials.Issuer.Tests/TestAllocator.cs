using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Tests;

/// <summary>A status-index allocator in memory: hands out consecutive indices of one list, or refuses as a block would.</summary>
internal sealed class TestAllocator : IStatusIndexAllocator
{
    public const string ListUri = "http://127.0.0.1:5080/status-lists/1";
    private int _next;

    public List<CredentialRegistration> Registrations { get; } = [];

    /// <summary>When set, every allocation is refused as if this scope were revoked.</summary>
    public RevocationScope? BlockedBy { get; set; }

    public ValueTask<StatusListReference> AllocateAsync(CredentialRegistration registration, CancellationToken cancellationToken)
    {
        if (BlockedBy is { } scope)
        {
            throw new IssuanceBlockedException(scope, RevocationAction.Revoke);
        }

        lock (Registrations)
        {
            Registrations.Add(registration);
            return ValueTask.FromResult(new StatusListReference { Index = _next++, Uri = ListUri });
        }
    }
}
