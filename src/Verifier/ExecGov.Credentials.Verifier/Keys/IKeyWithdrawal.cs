namespace ExecGov.Credentials.Verifier.Keys;

/// <summary>
/// A key source that can be told, by push, that an issuer withdrew a key (<c>event: key_withdrawn</c> on the
/// revocation stream, docs/revocation.md §3). A withdrawn key stays withdrawn for the life of the process, even
/// when a JWKS fetch still lists it.
/// </summary>
internal interface IKeyWithdrawal
{
    /// <summary>Stops <paramref name="keyId"/> of <paramref name="issuer"/> verifying anything from now on; false for an issuer that is not trusted.</summary>
    bool Withdraw(string issuer, string keyId);
}
