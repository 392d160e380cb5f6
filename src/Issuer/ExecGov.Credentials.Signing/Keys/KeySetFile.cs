using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Files;
using NSec.Cryptography;

namespace ExecGov.Credentials.Signing.Keys;

/// <summary>
/// Reads and writes keyset files: JSON with private Ed25519 JWKs. Written by hand with
/// <see cref="Utf8JsonReader"/>/<see cref="Utf8JsonWriter"/> rather than a serializer so the private
/// <c>d</c> never becomes a managed string that cannot be wiped; every buffer holding it is zeroed.
/// Files are created 0600 and replaced atomically (write to a temporary file, flush, rename).
/// </summary>
internal static class KeySetFile
{
    public const string Format = "execgov-keyset/1";
    private const int MaxFileSize = 1 << 20;

    public static (List<KeySetEntry> Entries, bool DevelopmentOnly) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeySetException($"Keyset file '{path}' does not exist. Generate one with 'execgov keys generate' or point configuration at an existing keyset.");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileSize)
            {
                throw new KeySetException($"Keyset file '{path}' is larger than 1 MiB; it is not a keyset.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new KeySetException($"Keyset file '{path}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new KeySetException($"Keyset file '{path}' cannot be read: permission denied.", ex);
        }

        try
        {
            return Parse(bytes, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Refuses a non-development keyset that other users can read, as ssh refuses such keys.</summary>
    public static void CheckPermissions(string path)
    {
        if (OwnerOnlyFile.IsAccessibleByOthers(path, out var mode))
        {
            throw new KeySetException(
                $"Keyset file '{path}' is accessible by other users (mode {OwnerOnlyFile.Octal(mode)}). Run 'chmod 600 {path}'.");
        }
    }

    public static void Write(string path, IReadOnlyList<KeySetEntry> entries, bool developmentOnly, bool createNew)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                if (developmentOnly)
                {
                    writer.WriteBoolean("development_only", true);
                }

                writer.WriteStartArray("keys");
                foreach (var entry in entries)
                {
                    WriteEntry(writer, entry);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            WriteAtomically(path, buffer.WrittenSpan, createNew);
        }
        finally
        {
            // ArrayBufferWriter exposes no way to wipe its array except Clear(), which zeroes it.
            buffer.Clear();
        }
    }

    public static KeySetEntry NewEntry(DateTimeOffset now)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return new KeySetEntry
        {
            KeyId = Jwk.Ed25519Thumbprint(publicKey),
            Status = SigningKeyStatus.Active,
            CreatedAt = TruncateToSeconds(now),
            PublicKey = publicKey,
            PrivateKey = seed,
        };
    }

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private static void WriteEntry(Utf8JsonWriter writer, KeySetEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("kid", entry.KeyId);
        writer.WriteString("kty", EdDsa.KeyType);
        writer.WriteString("crv", EdDsa.Curve);
        writer.WriteString("alg", EdDsa.Algorithm);
        writer.WriteString("use", "sig");
        writer.WriteString("x", Base64Url.EncodeToString(entry.PublicKey));
        Span<byte> d = stackalloc byte[43];
        try
        {
            Base64Url.EncodeToUtf8(entry.PrivateKey, d);
            writer.WriteString("d"u8, d);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }

        writer.WriteString("status", entry.Status.ToString().ToLowerInvariant());
        writer.WriteString("created_at", entry.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        if (entry.RetiredAt is { } retired)
        {
            writer.WriteString("retired_at", retired.ToString("O", CultureInfo.InvariantCulture));
        }

        if (entry.VerifyUntil is { } until)
        {
            writer.WriteString("verify_until", until.ToString("O", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
    }

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool createNew)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (createNew && File.Exists(full))
        {
            throw new KeySetException($"Keyset file '{full}' already exists; refusing to overwrite it.");
        }

        OwnerOnlyFile.Write(full, content, overwrite: !createNew);
    }

    private static (List<KeySetEntry> Entries, bool DevelopmentOnly) Parse(byte[] bytes, string path)
    {
        var entries = new List<KeySetEntry>();
        var developmentOnly = false;
        string? format = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, path, "the file is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "format":
                        format = reader.GetString();
                        break;
                    case "development_only":
                        developmentOnly = reader.GetBoolean();
                        break;
                    case "keys":
                        Expect(reader.TokenType == JsonTokenType.StartArray, path, "\"keys\" must be an array");
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            entries.Add(ReadEntry(ref reader, path));
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            ClearAll(entries);
            throw new KeySetException($"Keyset file '{path}' is not valid keyset JSON: {ex.Message}", ex);
        }
        catch
        {
            ClearAll(entries);
            throw;
        }

        if (!string.Equals(format, Format, StringComparison.Ordinal))
        {
            ClearAll(entries);
            throw new KeySetException($"Keyset file '{path}' has format '{format}'; expected '{Format}'.");
        }

        if (entries.Count(e => e.Status == SigningKeyStatus.Active) != 1)
        {
            ClearAll(entries);
            throw new KeySetException($"Keyset file '{path}' must hold exactly one active key.");
        }

        return (entries, developmentOnly);
    }

    private static KeySetEntry ReadEntry(ref Utf8JsonReader reader, string path)
    {
        string? kid = null, kty = null, crv = null, status = null;
        byte[]? x = null;
        var d = new byte[32];
        var haveD = false;
        DateTimeOffset? created = null, retired = null, until = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kid": kid = reader.GetString(); break;
                case "kty": kty = reader.GetString(); break;
                case "crv": crv = reader.GetString(); break;
                case "status": status = reader.GetString(); break;
                case "x":
                    Expect(Jwk.TryDecode(reader.GetString(), 32, out var decoded), path, "a key's \"x\" is not 32 bytes of base64url");
                    x = decoded;
                    break;
                case "d":
                    // Decode straight from the reader's UTF-8 span: the private key never becomes a string.
                    Expect(reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped, path, "a key's \"d\" is not a plain string");
                    Expect(Base64Url.DecodeFromUtf8(reader.ValueSpan, d, out _, out var written) == OperationStatus.Done && written == 32,
                        path, "a key's \"d\" is not 32 bytes of base64url");
                    haveD = true;
                    break;
                case "created_at": created = reader.GetDateTimeOffset(); break;
                case "retired_at": retired = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); break;
                case "verify_until": until = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); break;
                default: reader.Skip(); break;
            }
        }

        Expect(kty == EdDsa.KeyType && crv == EdDsa.Curve, path, "every key must be an Ed25519 JWK (kty OKP, crv Ed25519)");
        Expect(x is not null && haveD, path, "every key needs both \"x\" and \"d\"");
        Expect(Enum.TryParse<SigningKeyStatus>(status, ignoreCase: true, out var parsedStatus), path, "a key's \"status\" must be active, retired or compromised");
        var entry = new KeySetEntry
        {
            KeyId = kid ?? Jwk.Ed25519Thumbprint(x!),
            Status = parsedStatus,
            CreatedAt = created ?? DateTimeOffset.UnixEpoch,
            RetiredAt = retired,
            VerifyUntil = until,
            PublicKey = x!,
            PrivateKey = d,
        };

        // The private half must match the published public half, or a typo would publish a key we cannot sign for.
        using var key = Key.Import(SignatureAlgorithm.Ed25519, d, KeyBlobFormat.RawPrivateKey);
        if (!key.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(x))
        {
            entry.Clear();
            throw new KeySetException($"Keyset file '{path}': key '{entry.KeyId}' has a \"d\" that does not match its \"x\".");
        }

        return entry;
    }

    private static void Expect(bool condition, string path, string what)
    {
        if (!condition)
        {
            throw new KeySetException($"Keyset file '{path}' is invalid: {what}.");
        }
    }

    private static void ClearAll(List<KeySetEntry> entries)
    {
        foreach (var entry in entries)
        {
            entry.Clear();
        }
    }
}
