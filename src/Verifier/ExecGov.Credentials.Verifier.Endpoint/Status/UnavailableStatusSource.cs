using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Endpoint.Status;

/// <summary>The fail-closed source used when none is configured: every status is <see cref="CredentialStatus.Unavailable"/>.</summary>
internal sealed class UnavailableStatusSource : ICredentialStatusSource, IStatusFreshness
{
    public ValueTask<CredentialStatus> GetStatusAsync(string issuer, StatusListReference reference, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CredentialStatus.Unavailable);

    public StatusFreshness GetFreshness() => new(IsFresh: false, OldestFetchedAt: null, Detail: "no status source is configured; credentials with a status claim are denied (status_unavailable)");
}
