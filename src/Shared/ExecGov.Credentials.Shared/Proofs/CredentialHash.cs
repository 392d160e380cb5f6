using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ExecGov.Credentials.Proofs;

/// <summary>The <c>ath</c> value: base64url(SHA-256(ASCII of the presented credential)), RFC 9449 §4.2.</summary>
public static class CredentialHash
{
    /// <summary>Computes the hash into a 32-byte span; false when the credential is not ASCII or too large.</summary>
    public static bool TryCompute(ReadOnlySpan<char> credential, Span<byte> hash)
    {
        if (hash.Length < SHA256.HashSizeInBytes || credential.Length > 64 * 1024)
        {
            return false;
        }

        var buffer = credential.Length <= 2048 ? stackalloc byte[credential.Length] : new byte[credential.Length];
        if (Encoding.ASCII.GetBytes(credential, buffer) != credential.Length || !Ascii.IsValid(credential))
        {
            return false;
        }

        SHA256.HashData(buffer, hash);
        return true;
    }

    /// <summary>The base64url form carried in <c>ath</c>.</summary>
    /// <exception cref="ArgumentException">The credential is not ASCII or is larger than 64 KiB.</exception>
    public static string Compute(string credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        return TryCompute(credential, hash)
            ? Base64Url.EncodeToString(hash)
            : throw new ArgumentException("A credential is ASCII and at most 64 KiB.", nameof(credential));
    }
}
