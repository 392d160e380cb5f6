using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// Client secrets at rest: PBKDF2-HMAC-SHA256 with a per-secret salt, compared in constant time. The
/// stored form is <c>pbkdf2-sha256${iterations}${salt}${hash}</c> (base64url), so iterations can rise later.
/// </summary>
internal static class SecretHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    // Verified against when the client id is unknown, so that timing does not reveal which ids exist.
    private static readonly string DummyHash = Hash("not-a-real-secret-0000000000000000");

    /// <summary>A fresh random secret: 32 bytes, base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Base64Url.EncodeToString(salt), Base64Url.EncodeToString(hash));
    }

    /// <summary>True when <paramref name="secret"/> matches <paramref name="stored"/>; a null stored hash burns the same time and fails.</summary>
    public static bool Verify(string? secret, string? stored)
    {
        var target = stored ?? DummyHash;
        var parts = target.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 10_000 or > 10_000_000)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Base64Url.DecodeFromChars(parts[2]);
            expected = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(secret ?? string.Empty, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        var match = CryptographicOperations.FixedTimeEquals(actual, expected);
        CryptographicOperations.ZeroMemory(actual);
        return match && stored is not null && !string.IsNullOrEmpty(secret);
    }
}
