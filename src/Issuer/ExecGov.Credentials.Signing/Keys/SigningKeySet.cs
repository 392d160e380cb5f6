using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Signing.Crypto;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Signing.Keys;

/// <summary>
/// The issuer's signing keys, loaded from a keyset file: exactly one active key signs, retired keys stay
/// published for verification until every credential they signed has expired, compromised keys are
/// never published. Private keys live in NSec secure memory with export forbidden.
/// </summary>
public sealed class SigningKeySet : IDisposable
{
    private readonly Dictionary<string, Ed25519SigningKey> _keys;

    private SigningKeySet(IReadOnlyList<SigningKeyInfo> infos, Dictionary<string, Ed25519SigningKey> keys, bool developmentOnly)
    {
        Keys = infos;
        _keys = keys;
        IsDevelopmentOnly = developmentOnly;
        var active = infos.Single(k => k.Status == SigningKeyStatus.Active);
        ActiveKey = keys[active.KeyId];
    }

    /// <summary>The key that signs new credentials.</summary>
    public Ed25519SigningKey ActiveKey { get; }

    /// <summary>Every key in the file, without private material.</summary>
    public IReadOnlyList<SigningKeyInfo> Keys { get; }

    /// <summary>Whether the file is marked development-only (as <c>keys.sample</c> is).</summary>
    public bool IsDevelopmentOnly { get; }

    /// <summary>The RFC 7638 thumbprint of the Ed25519 test key published in RFC 8037 Appendix A (the key of <c>keys.sample</c>).</summary>
    public const string Rfc8037TestKeyThumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    /// <summary>Whether <paramref name="publicKey"/> is a published test key (RFC 8037 Appendix A), by its thumbprint.</summary>
    public static bool IsPublishedTestKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == 32 && string.Equals(Jwk.Ed25519Thumbprint(publicKey), Rfc8037TestKeyThumbprint, StringComparison.Ordinal);

    /// <summary>
    /// Loads a keyset file. A file marked <c>development_only</c>, or holding the published RFC 8037 test key
    /// whatever its marker, is refused unless <paramref name="allowDevelopmentKeys"/> (the host is in the
    /// Development environment); any other file is refused when users other than its owner can access it.
    /// </summary>
    /// <exception cref="KeySetException">The file is missing, malformed, unsafe or refused.</exception>
    public static SigningKeySet Load(string path, bool allowDevelopmentKeys)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (entries, developmentOnly) = KeySetFile.Read(path);
        try
        {
            if (developmentOnly && !allowDevelopmentKeys)
            {
                throw new KeySetException(
                    $"Keyset file '{path}' is marked development_only and is refused outside the Development environment. Generate a production keyset with 'execgov keys generate'.");
            }

            if (!developmentOnly)
            {
                KeySetFile.CheckPermissions(path);
            }

            // A published test key signs for anyone who read the RFC: refused by what it is, not by how the file
            // is labelled, so removing the development_only marker does not smuggle it into production.
            if (!allowDevelopmentKeys &&
                entries.FirstOrDefault(e => e.Status != SigningKeyStatus.Compromised && IsPublishedTestKey(e.PublicKey)) is { } published)
            {
                throw new KeySetException(
                    $"Keyset file '{path}' holds key '{published.KeyId}', the published RFC 8037 test key (thumbprint {Rfc8037TestKeyThumbprint}) that anyone can sign with; it is refused outside the Development environment whatever the file's development_only marker. Generate a production keyset with 'execgov keys generate'.");
            }

            var keys = new Dictionary<string, Ed25519SigningKey>(StringComparer.Ordinal);
            foreach (var entry in entries.Where(e => e.Status != SigningKeyStatus.Compromised))
            {
                var key = Key.Import(SignatureAlgorithm.Ed25519, entry.PrivateKey, KeyBlobFormat.RawPrivateKey,
                    new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
                keys.Add(entry.KeyId, new Ed25519SigningKey(key, entry.KeyId));
            }

            return new SigningKeySet(entries.Select(e => e.Info).ToList(), keys, developmentOnly);
        }
        finally
        {
            foreach (var entry in entries)
            {
                entry.Clear();
            }
        }
    }

    /// <summary>Creates a new keyset file (mode 0600) with one fresh active key; refuses to overwrite.</summary>
    /// <exception cref="KeySetException">The file already exists.</exception>
    public static SigningKeyInfo Generate(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var entry = KeySetFile.NewEntry(time.GetUtcNow());
        try
        {
            KeySetFile.Write(path, [entry], developmentOnly: false, createNew: true);
            return entry.Info;
        }
        finally
        {
            entry.Clear();
        }
    }

    /// <summary>
    /// Rotates the keyset file: a new key becomes active, the old active key is retired and stays
    /// published for <paramref name="retainFor"/> (the maximum credential lifetime plus clock skew).
    /// Retired keys past their time are pruned. Reload the keyset afterwards.
    /// </summary>
    public static SigningKeyInfo Rotate(string path, TimeSpan retainFor, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var now = KeySetFile.TruncateToSeconds(time.GetUtcNow());
        var (entries, developmentOnly) = KeySetFile.Read(path);
        var fresh = KeySetFile.NewEntry(now);
        try
        {
            foreach (var entry in entries.Where(e => e.Status == SigningKeyStatus.Active))
            {
                entry.Status = SigningKeyStatus.Retired;
                entry.RetiredAt = now;
                entry.VerifyUntil = now + retainFor;
            }

            var kept = entries.Where(e => e.Status != SigningKeyStatus.Retired || e.VerifyUntil > now).Append(fresh).ToList();
            KeySetFile.Write(path, kept, developmentOnly, createNew: false);
            return fresh.Info;
        }
        finally
        {
            fresh.Clear();
            entries.ForEach(e => e.Clear());
        }
    }

    /// <summary>
    /// Marks a key compromised: it leaves the JWKS at once. When it was the active key a fresh key takes
    /// its place. Reload the keyset afterwards.
    /// </summary>
    /// <exception cref="KeySetException">No key has that id.</exception>
    public static SigningKeyInfo MarkCompromised(string path, string keyId, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(time);
        var now = KeySetFile.TruncateToSeconds(time.GetUtcNow());
        var (entries, developmentOnly) = KeySetFile.Read(path);
        KeySetEntry? fresh = null;
        try
        {
            var target = entries.Find(e => string.Equals(e.KeyId, keyId, StringComparison.Ordinal))
                ?? throw new KeySetException($"Keyset file '{path}' has no key '{keyId}'.");
            if (target.Status == SigningKeyStatus.Active)
            {
                fresh = KeySetFile.NewEntry(now);
                entries.Add(fresh);
            }

            target.Status = SigningKeyStatus.Compromised;
            target.RetiredAt ??= now;
            target.VerifyUntil = null;
            KeySetFile.Write(path, entries, developmentOnly, createNew: false);
            return target.Info with { };
        }
        finally
        {
            entries.ForEach(e => e.Clear());
        }
    }

    /// <summary>The keys verifiers should trust at <paramref name="now"/>: active and unexpired retired ones.</summary>
    public IReadOnlyList<Ed25519SecurityKey> PublishedKeys(DateTimeOffset now) =>
        Keys.Where(k => k.IsPublishedAt(now)).Select(k => _keys[k.KeyId].PublicKey).ToList();

    /// <summary>The public JWKS (RFC 7517) for <paramref name="now"/>; never contains a private member.</summary>
    public JsonWebKeySet ToPublicJwks(DateTimeOffset now)
    {
        var set = new JsonWebKeySet();
        foreach (var key in PublishedKeys(now))
        {
            set.Keys.Add(key.ToPublicJwk());
        }

        return set;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
