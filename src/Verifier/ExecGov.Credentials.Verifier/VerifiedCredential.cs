using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier;

/// <summary>A credential whose header and signature were checked, remembered by the hash of its exact bytes.</summary>
/// <param name="Claims">The signed claims.</param>
/// <param name="KeyId">The key that verified it; re-checked on every use so a withdrawn key stops it.</param>
internal sealed record VerifiedCredential(CredentialClaims Claims, string KeyId);
