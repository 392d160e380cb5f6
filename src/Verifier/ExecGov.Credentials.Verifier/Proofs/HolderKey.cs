using NSec.Cryptography;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>An agent's public key, imported from a proof's <c>jwk</c> header, and its RFC 7638 thumbprint.</summary>
internal sealed record HolderKey(PublicKey Key, string Thumbprint);
