namespace ExecGov.Credentials.Crypto;

/// <summary>
/// What the compact-JWS encoder needs from a key: its <c>kid</c> and an Ed25519 signature over the signing input.
/// The key types themselves live with their owners (the issuer's keyset, the agent's holder key), so this
/// library, and every verifier that references it, holds no private-key code.
/// </summary>
public interface IJwsSigner
{
    /// <summary>The <c>kid</c> written into the JOSE header.</summary>
    string KeyId { get; }

    /// <summary>Writes the 64-byte Ed25519 signature of <paramref name="input"/> into <paramref name="signature"/>.</summary>
    void Sign(ReadOnlySpan<byte> input, Span<byte> signature);
}
