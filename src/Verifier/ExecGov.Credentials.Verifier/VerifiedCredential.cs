using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier;

/// <summary>A credential whose header and signature were checked, remembered with the exact token text.</summary>
/// <param name="Token">The exact token that verified; a cache hit must equal it character for character.</param>
/// <param name="Claims">The signed claims.</param>
/// <param name="KeyId">The key that verified it; re-checked on every use so a withdrawn key stops it.</param>
/// <param name="Hash">SHA-256 of the token's ASCII bytes: what a holder proof's <c>ath</c> must carry.</param>
internal sealed record VerifiedCredential(string Token, CredentialClaims Claims, string KeyId, byte[] Hash);
