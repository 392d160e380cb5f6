using System.Security.Cryptography;

namespace ExecGov.Credentials.Signing.Keys;

/// <summary>One key of a keyset file while it is being read or written; zero it when done.</summary>
internal sealed class KeySetEntry
{
    public required string KeyId { get; init; }

    public required SigningKeyStatus Status { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? VerifyUntil { get; set; }

    public required byte[] PublicKey { get; init; }

    /// <summary>The 32-byte Ed25519 seed (JWK <c>d</c>); zeroed by <see cref="Clear"/>.</summary>
    public required byte[] PrivateKey { get; init; }

    public SigningKeyInfo Info => new(KeyId, Status, CreatedAt, RetiredAt, VerifyUntil);

    public void Clear() => CryptographicOperations.ZeroMemory(PrivateKey);

    public override string ToString() => $"KeySetEntry(kid={KeyId}, status={Status})";
}
