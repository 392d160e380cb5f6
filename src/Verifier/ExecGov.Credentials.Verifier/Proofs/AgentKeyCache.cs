using System.Collections.Concurrent;
using ExecGov.Credentials.Crypto;
using NSec.Cryptography;

namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// Remembers recently seen agent keys by their <c>x</c> text: the imported public key and its RFC 7638
/// thumbprint. Agents present the same key on every call, and both the import and the thumbprint (a
/// SHA-256) would otherwise be redone per proof. Bounded; a full cache starts over. The signature is
/// still verified with the key on every call.
/// </summary>
internal sealed class AgentKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<string, AgentKey> _keys = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The key for <paramref name="x"/>, or null when <paramref name="x"/> is not a valid Ed25519 public key.</summary>
    public AgentKey? Get(string x)
    {
        if (_keys.TryGetValue(x, out var known))
        {
            return known;
        }

        Span<byte> raw = stackalloc byte[32];
        if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(x, raw, out var written) || written != 32 ||
            !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return null;
        }

        var entry = new AgentKey(key, Jwk.Ed25519Thumbprint(raw));
        if (Interlocked.Increment(ref _count) > capacity)
        {
            _keys.Clear();
            Volatile.Write(ref _count, 1);
        }

        _keys.TryAdd(x, entry);
        return entry;
    }

    /// <summary>An imported agent public key and its thumbprint.</summary>
    internal sealed record AgentKey(PublicKey Key, string Thumbprint);
}
