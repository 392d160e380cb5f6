namespace ExecGov.Credentials.Revocation;

/// <summary>
/// Withdraws a compromised signing key from the JWKS (typically with <c>SigningKeySet.MarkCompromised</c>
/// and a reload). Called after the key's credentials are durably marked invalid. The default handler does
/// this on <see cref="RevocationOptions.KeySetPath"/> when set.
/// </summary>
public interface ISigningKeyCompromiseHandler
{
    /// <summary>Withdraws <paramref name="keyId"/>.</summary>
    ValueTask OnCompromisedAsync(string keyId, CancellationToken cancellationToken);
}
