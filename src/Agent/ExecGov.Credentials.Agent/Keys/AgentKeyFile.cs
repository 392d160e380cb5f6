using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Files;
using NSec.Cryptography;

namespace ExecGov.Credentials.Agent.Keys;

/// <summary>
/// Reads and writes the agent key file: one private Ed25519 JWK with a format marker. Written by hand with
/// <see cref="Utf8JsonReader"/>/<see cref="Utf8JsonWriter"/> so the private <c>d</c> never becomes a managed
/// string; every buffer that held it is zeroed. Written with <see cref="OwnerOnlyFile"/> (0600 from the first byte), and
/// refused on reading when group or other users have any access to it, as ssh refuses such keys.
/// </summary>
internal static class AgentKeyFile
{
    public const string Format = "execgov-agent-key/1";
    private const int MaxFileSize = 64 * 1024;
    private const int SeedSize = 32;

    /// <summary>Generates a key, writes it to a new file at <paramref name="path"/>, and returns it non-exportable.</summary>
    public static Key Create(string path, DateTimeOffset now)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new AgentKeyException($"Agent key file '{full}' already exists; refusing to overwrite it. Load it instead, or move it away first.");
        }

        var seed = new byte[SeedSize];
        try
        {
            byte[] publicKey;
            using (var exportable = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }))
            {
                if (!exportable.TryExport(KeyBlobFormat.RawPrivateKey, seed, out var written) || written != SeedSize)
                {
                    throw new AgentKeyException("The Ed25519 key could not be serialized.");
                }

                publicKey = exportable.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            }

            Write(full, seed, publicKey, now);
            return Import(seed, publicKey, full);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Reads the key at <paramref name="path"/> after checking that only its owner can access it.</summary>
    public static Key Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AgentKeyException($"Agent key file '{full}' does not exist. Create one with AgentKey.Create(path) (or set CreateKeyIfMissing) and register its public JWK with the issuer.");
        }

        CheckPermissions(full);
        byte[] bytes;
        try
        {
            if (new FileInfo(full).Length > MaxFileSize)
            {
                throw new AgentKeyException($"Agent key file '{full}' is larger than 64 KiB; it is not an agent key.");
            }

            bytes = File.ReadAllBytes(full);
        }
        catch (IOException ex)
        {
            throw new AgentKeyException($"Agent key file '{full}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new AgentKeyException($"Agent key file '{full}' cannot be read: permission denied.", ex);
        }

        var seed = new byte[SeedSize];
        try
        {
            var publicKey = Parse(bytes, seed, full);
            return Import(seed, publicKey, full);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Refuses a key file that group or other users can access in any way (read, write or execute).</summary>
    public static void CheckPermissions(string path)
    {
        if (OwnerOnlyFile.IsAccessibleByOthers(path, out var mode))
        {
            throw new AgentKeyException(
                $"Agent key file '{path}' is accessible by other users (mode {OwnerOnlyFile.Octal(mode)}); it is refused. Run 'chmod 600 {path}', and consider the key compromised if others could read it.");
        }
    }

    private static Key Import(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> publicKey, string path)
    {
        // Re-imported without any export policy: from here on the private half stays in NSec's secure memory.
        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        if (!key.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(publicKey))
        {
            key.Dispose();
            throw new AgentKeyException($"Agent key file '{path}' has a \"d\" that does not match its \"x\"; the file is corrupt.");
        }

        return key;
    }

    private static void Write(string full, ReadOnlySpan<byte> seed, byte[] publicKey, DateTimeOffset now)
    {
        OwnerOnlyFile.CreateFolder(Path.GetDirectoryName(full)!);

        // Large enough that the writer never regrows and leaves a copy of the key in a discarded array.
        var buffer = new ArrayBufferWriter<byte>(1024);
        Span<byte> d = stackalloc byte[43];
        try
        {
            Base64Url.EncodeToUtf8(seed, d);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteString("kid", Jwk.Ed25519Thumbprint(publicKey));
                writer.WriteString("kty", EdDsa.KeyType);
                writer.WriteString("crv", EdDsa.Curve);
                writer.WriteString("alg", EdDsa.Algorithm);
                writer.WriteString("use", "sig");
                writer.WriteString("x", Base64Url.EncodeToString(publicKey));
                writer.WriteString("d"u8, d);
                writer.WriteString("created_at", DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
                writer.WriteEndObject();
            }

            WriteNewFile(full, buffer.WrittenSpan);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
            buffer.Clear();
        }
    }

    private static void WriteNewFile(string full, ReadOnlySpan<byte> content)
    {
        try
        {
            OwnerOnlyFile.Write(full, content, overwrite: false);
        }
        catch (IOException ex)
        {
            throw new AgentKeyException($"Agent key file '{full}' could not be written: {ex.Message}", ex);
        }
    }

    private static byte[] Parse(byte[] bytes, Span<byte> seed, string path)
    {
        string? format = null, kty = null, crv = null;
        byte[]? x = null;
        var haveD = false;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, path, "the file is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "format": format = reader.GetString(); break;
                    case "kty": kty = reader.GetString(); break;
                    case "crv": crv = reader.GetString(); break;
                    case "x":
                        var encoded = reader.GetString();
                        Expect(encoded is { Length: 43 }, path, "\"x\" is not 32 bytes of base64url");
                        x = Base64Url.DecodeFromChars(encoded);
                        Expect(x.Length == 32, path, "\"x\" is not 32 bytes of base64url");
                        break;
                    case "d":
                        // Decoded straight from the reader's UTF-8 span: the private key never becomes a string.
                        Expect(reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 43, path, "\"d\" is not 32 bytes of base64url");
                        Expect(Base64Url.DecodeFromUtf8(reader.ValueSpan, seed, out _, out var written) == OperationStatus.Done && written == SeedSize,
                            path, "\"d\" is not 32 bytes of base64url");
                        haveD = true;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new AgentKeyException($"Agent key file '{path}' is not valid agent key JSON.", ex);
        }

        Expect(string.Equals(format, Format, StringComparison.Ordinal), path, $"its format is not '{Format}'");
        Expect(kty == EdDsa.KeyType && crv == EdDsa.Curve, path, "the key is not an Ed25519 JWK (kty OKP, crv Ed25519)");
        Expect(x is not null && haveD, path, "the key needs both \"x\" and \"d\"");
        return x!;
    }

    private static void Expect(bool condition, string path, string what)
    {
        if (!condition)
        {
            throw new AgentKeyException($"Agent key file '{path}' is invalid: {what}.");
        }
    }
}
