using System.Text.Json;
using ExecGov.Credentials.Agent.Assertions;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;
using NSec.Cryptography;

namespace ExecGov.Credentials.Agent.Keys;

/// <summary>
/// The agent's own Ed25519 key. The private half lives in NSec secure memory and cannot be exported; the
/// key file on disk is created with mode 0600 and refused when anyone but its owner can access it. What
/// leaves this type is the public JWK (for registration with the issuer), assertions to the issuer and
/// holder proofs — never the private key.
/// </summary>
public sealed class AgentKey : IDisposable
{
    private readonly HolderKeySigner _key;

    private AgentKey(Key key)
    {
        _key = new HolderKeySigner(key);
        var x = System.Buffers.Text.Base64Url.EncodeToString(_key.PublicKey);
        PublicJwk = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kty"] = EdDsa.KeyType,
            ["crv"] = EdDsa.Curve,
            ["x"] = x,
            ["kid"] = _key.Thumbprint,
            ["alg"] = EdDsa.Algorithm,
            ["use"] = "sig",
        });
    }

    /// <summary>The RFC 7638 thumbprint of the public key: the <c>kid</c> of assertions and the <c>cnf.jkt</c> of credentials.</summary>
    public string Thumbprint => _key.Thumbprint;

    /// <summary>
    /// The public key as a JWK, e.g. <c>{"kty":"OKP","crv":"Ed25519","x":"…","kid":"…","alg":"EdDSA","use":"sig"}</c>:
    /// what an admin registers as the agent's <c>public_key</c> (<c>POST /v1/agents</c>). Never contains <c>d</c>.
    /// </summary>
    public string PublicJwk { get; }

    /// <summary>The <c>typ</c> of client assertions (RFC 7523 with the <c>client-authentication+jwt</c> type of draft-ietf-oauth-rfc7523bis).</summary>
    private const string ClientAssertionType = "client-authentication+jwt";

    /// <summary>Generates a new key and writes it to a new file at <paramref name="path"/> (mode 0600, directory 0700 when created).</summary>
    /// <exception cref="AgentKeyException">The file already exists or cannot be written.</exception>
    public static AgentKey Create(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new AgentKey(AgentKeyFile.Create(path, (time ?? TimeProvider.System).GetUtcNow()));
    }

    /// <summary>Loads the key at <paramref name="path"/>.</summary>
    /// <exception cref="AgentKeyException">The file is missing, unreadable, not an agent key, or accessible by group or other users.</exception>
    public static AgentKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new AgentKey(AgentKeyFile.Read(path));
    }

    /// <summary>Loads the key at <paramref name="path"/>, or creates it there when no file exists yet.</summary>
    /// <exception cref="AgentKeyException">The existing file is refused, or a new one cannot be written.</exception>
    public static AgentKey LoadOrCreate(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return Load(path);
        }

        try
        {
            return Create(path, time);
        }
        catch (AgentKeyException) when (File.Exists(path))
        {
            // Another process created it between our check and our write: use theirs.
            return Load(path);
        }
    }

    /// <summary>
    /// Signs a holder proof for one HTTP request (RFC 9449 shape): <c>htm</c> = <paramref name="method"/>,
    /// <c>htu</c> = <paramref name="target"/> without query and fragment, <c>ath</c> = hash of
    /// <paramref name="credential"/>, a fresh random <c>jti</c>. Send it as the <c>DPoP</c> header, once.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is empty, the target is relative, or the credential is not ASCII.</exception>
    public string CreateProof(string method, Uri target, string credential, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(credential);
        if (!target.IsAbsoluteUri)
        {
            throw new ArgumentException("A proof names an absolute URL.", nameof(target));
        }

        return ProofWriter.Create(_key, _key.PublicKey, method, target, credential, now);
    }

    /// <summary>
    /// Signs an RFC 7523 client assertion (<c>private_key_jwt</c>) for the client <paramref name="clientId"/> whose
    /// registered key this is: <c>iss</c> = <c>sub</c> = the client, <c>aud</c> = <paramref name="audience"/> (the
    /// issuer id with its trailing slash, or its token endpoint URL), a lifetime of one minute and a fresh random
    /// <c>jti</c>, so the issuer accepts it once.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public string CreateClientAssertion(string clientId, string audience, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        var issuedAt = now.ToUnixTimeSeconds();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", clientId);
            json.WriteString("sub", clientId);
            json.WriteString("aud", audience);
            json.WriteNumber("iat", issuedAt);
            json.WriteNumber("exp", issuedAt + 60);
            json.WriteString("jti", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
            json.WriteEndObject();
        }

        return CompactJwsWriter.Sign(buffer.WrittenSpan, ClientAssertionType, _key);
    }

    internal string CreateAssertion(string agentId, string issuer, DateTimeOffset now) =>
        AgentAssertionWriter.Create(_key, _key.PublicKey, agentId, issuer, now);

    /// <inheritdoc />
    public override string ToString() => $"AgentKey(kid={Thumbprint})";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
