using System.Security.Cryptography;
using System.Text;
using ExecGov.Credentials.Files;
using ExecGov.Credentials.Issuer.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// The key that signs embedded admin access tokens: ECDSA P-256 (ES256, which OpenIddict and JwtBearer both
/// support natively), separate from the credential keys, kept as PKCS#8 PEM in the data folder with mode 0600
/// and generated on first start. A file that other users can read is refused.
/// </summary>
internal sealed class AdminTokenKey : IDisposable
{
    private readonly ECDsa _key;

    public AdminTokenKey(IOptions<IssuerOptions> options, ILogger<AdminTokenKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Path = System.IO.Path.Combine(DataFolder.Ensure(options.Value.DataPath), DataFolder.AdminTokenKeyFile);
        _key = ECDsa.Create();
        if (File.Exists(Path))
        {
            if (OwnerOnlyFile.IsAccessibleByOthers(Path, out _))
            {
                _key.Dispose();
                throw new InvalidOperationException($"The admin token signing key '{Path}' is accessible by other users. Run 'chmod 600 {Path}'.");
            }

            _key.ImportFromPem(File.ReadAllText(Path));
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            var pem = _key.ExportPkcs8PrivateKeyPem();
            var bytes = Encoding.ASCII.GetBytes(pem);
            try
            {
                OwnerOnlyFile.Write(Path, bytes, overwrite: false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            IssuerLog.AdminTokenKeyGenerated(logger, Path);
        }

        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var publicKey = ECDsa.Create(parameters);
        // A factory per key: IdentityModel's default factory caches signature providers by key id, and a second
        // host in the same process (a restart in tests) would otherwise get the first one's disposed ECDsa.
        var factory = new CryptoProviderFactory();
        SigningKey = new ECDsaSecurityKey(_key) { KeyId = Thumbprint(parameters), CryptoProviderFactory = factory };
        ValidationKey = new ECDsaSecurityKey(publicKey) { KeyId = SigningKey.KeyId, CryptoProviderFactory = factory };
    }

    public string Path { get; }

    /// <summary>The private key, for OpenIddict.</summary>
    public ECDsaSecurityKey SigningKey { get; }

    /// <summary>The public half, for JwtBearer.</summary>
    public ECDsaSecurityKey ValidationKey { get; }

    public void Dispose()
    {
        _key.Dispose();
        ValidationKey.ECDsa.Dispose();
    }

    private static string Thumbprint(ECParameters parameters) =>
        Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!]))[..16];
}
