using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// A holder proof's claims, read with the same object loop and the same rules as the credential's
/// (<see cref="CredentialJsonContext"/>'s <see cref="ProofClaims"/> contract): every proof is fresh, so the
/// generated deserializer's boxed constructor arguments were paid on every call, cached credential or not.
/// Kept equal to the contract by the same differential test.
/// </summary>
public static partial class CredentialClaimsReader
{
    /// <summary>The proof claims in <paramref name="json"/>, or false when it breaks any rule of the format.</summary>
    public static bool TryReadProof(ReadOnlySpan<byte> json, [NotNullWhen(true)] out ProofClaims? claims) =>
        TryReadDocument<ProofState, ProofClaims>(
            json,
            ReadProofMember,
            required: 0b1_1111, // jti, htm, htu, iat and ath (0..4); nonce is optional
            static state => new ProofClaims
            {
                Id = state.Id!,
                Method = state.Method!,
                Uri = state.Uri!,
                IssuedAt = state.IssuedAt,
                CredentialHash = state.CredentialHash!,
                Nonce = state.Nonce,
            },
            out claims);

    private static bool ReadProofMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref ProofState state, ref Members seen)
    {
        if (name.SequenceEqual("jti"u8))
        {
            return seen.First(0) && TryReadString(ref reader, Unique, out state.Id);
        }

        if (name.SequenceEqual("htm"u8))
        {
            return seen.First(1) && TryReadString(ref reader, Shared, out state.Method);
        }

        if (name.SequenceEqual("htu"u8))
        {
            return seen.First(2) && TryReadString(ref reader, Shared, out state.Uri);
        }

        if (name.SequenceEqual("iat"u8))
        {
            return seen.First(3) && TryReadInt64(ref reader, out state.IssuedAt);
        }

        if (name.SequenceEqual("ath"u8))
        {
            return seen.First(4) && TryReadString(ref reader, Unique, out state.CredentialHash);
        }

        if (name.SequenceEqual("nonce"u8))
        {
            return seen.First(5) && TryReadOptionalString(ref reader, Unique, out state.Nonce);
        }

        return seen.Unknown(ref reader, name);
    }

    /// <summary>The proof's members as read so far.</summary>
    private struct ProofState
    {
        public string? Id, Method, Uri, CredentialHash, Nonce;
        public long IssuedAt;
    }
}
