using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Text;
using Bogus;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Verifier.Tests;

/// <summary>
/// A trusted issuer, an agent and a verifier wired together on a fake clock, with realistic data from
/// Bogus on a fixed seed so failures reproduce.
/// </summary>
internal sealed class TestIssuer : IDisposable
{
    public const string IssuerId = "https://issuer.execgov.test";
    public const string Audience = "payments-api";
    public const string StatusListUri = "https://issuer.execgov.test/status-lists/1";
    public static readonly Uri Target = new("https://payments.execgov.test/v1/payments/release?id=42");

    private readonly Faker _faker = new() { Random = new Randomizer(8725) };

    public TestIssuer(Action<CredentialVerifierOptions>? configure = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        IssuerKey = Ed25519SigningKey.Generate();
        AgentKey = Ed25519SigningKey.Generate();
        var jwks = new JsonWebKeySet();
        jwks.Keys.Add(IssuerKey.ToPublicJwk());
        var options = new CredentialVerifierOptions { Audience = Audience };
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = IssuerId, Jwks = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { Jwk(IssuerKey) } }) });
        configure?.Invoke(options);
        Options = options;
        Status = new InMemoryStatusSource();
        Status.DeclareList(StatusListUri);
        Replay = new MemoryProofReplayCache(Microsoft.Extensions.Options.Options.Create(options), Time);
        KeySource = new JwksIssuerKeySource(Microsoft.Extensions.Options.Options.Create(options), httpClient: null, Time);
        Verifier = new CredentialVerifier(Microsoft.Extensions.Options.Options.Create(options), KeySource, Status, Replay, Time);
        AgentId = $"agent-{_faker.Internet.DomainWord()}-{_faker.Random.AlphaNumeric(6)}";
        AuthoriserName = _faker.Name.FullName();
    }

    public FakeTimeProvider Time { get; }

    public Ed25519SigningKey IssuerKey { get; }

    public Ed25519SigningKey AgentKey { get; }

    public CredentialVerifierOptions Options { get; }

    public InMemoryStatusSource Status { get; }

    public MemoryProofReplayCache Replay { get; }

    public JwksIssuerKeySource KeySource { get; }

    public CredentialVerifier Verifier { get; }

    public string AgentId { get; }

    public string AuthoriserName { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public static object Jwk(Ed25519SigningKey key) => new { kty = "OKP", crv = "Ed25519", x = key.ToPublicJwk().X, kid = key.KeyId, use = "sig", alg = "EdDSA" };

    public CredentialClaims Claims(Func<CredentialClaims, CredentialClaims>? change = null)
    {
        var now = Now.ToUnixTimeSeconds();
        var claims = new CredentialClaims
        {
            Issuer = IssuerId,
            Subject = AgentId,
            Audience = [Audience],
            IssuedAt = now,
            NotBefore = now,
            Expires = now + 900,
            CredentialId = Guid.NewGuid().ToString("N"),
            SessionId = $"ses-{_faker.Random.AlphaNumeric(12)}",
            Confirmation = new Confirmation { KeyThumbprint = AgentKey.Thumbprint },
            AuthorizationDetails =
            [
                new AuthorizationDetail
                {
                    Actions = ["payments.release", "invoices.*"],
                    Locations = [Audience],
                    Resources = ["invoice:*"],
                    Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR", Destinations = ["DE89370400440532013000"] },
                },
            ],
            Authoriser = new Authoriser { Subject = "admin-7", Name = AuthoriserName, ApprovalId = "apr-1", ApprovedAt = now - 60 },
            Status = new StatusClaim { StatusList = new StatusListReference { Index = _faker.Random.Int(0, 1000), Uri = StatusListUri } },
        };
        return change is null ? claims : change(claims);
    }

    public string Credential(Func<CredentialClaims, CredentialClaims>? change = null) => CredentialWriter.Sign(Claims(change), IssuerKey);

    public string Proof(string credential, Ed25519SigningKey? key = null, string method = "POST", Uri? target = null, DateTimeOffset? at = null) =>
        ProofWriter.Create(key ?? AgentKey, (key ?? AgentKey).PublicKeyBytes.Span, method, target ?? Target, credential, at ?? Now);

    public static ActionRequest Request(string action = "payments.release", string? resource = "invoice:2026-118", decimal? amount = 120.50m, string? destination = "DE89370400440532013000", string method = "POST") => new()
    {
        Action = action,
        Resource = resource,
        Method = method,
        Target = Target,
        Context = new Dictionary<string, string>
        {
            ["currency"] = "EUR",
            ["amount"] = amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["destination"] = destination ?? string.Empty,
        },
    };

    public ValueTask<Decision> VerifyAsync(string? credential, string? proof, ActionRequest? request = null) =>
        Verifier.VerifyAsync(new Presentation(credential, proof), request ?? Request());

    /// <summary>
    /// Presents the credential twice with fresh proofs (the verifier remembers a credential from its second
    /// verification on) and checks it is now remembered, so a test of the remembered path really takes it.
    /// </summary>
    public async Task RememberAsync(string credential)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(ReasonCode.Allowed, (await VerifyAsync(credential, Proof(credential))).Reason);
        }

        Assert.True(Verifier.Remembers(credential));
    }

    /// <summary>Signs an arbitrary header and payload with the issuer key (or another key), for attack tests.</summary>
    public string SignRaw(string headerJson, string payloadJson, Ed25519SigningKey? key = null)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        var signature = new byte[64];
        (key ?? IssuerKey).Sign(Encoding.ASCII.GetBytes(input), signature);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public string Header(string typ = TokenTypes.Credential, string? kid = null, string extra = "") =>
        $$"""{"alg":"EdDSA","typ":"{{typ}}","kid":"{{kid ?? IssuerKey.KeyId}}"{{extra}}}""";

    public static string PayloadJson(CredentialClaims claims) =>
        System.Text.Json.JsonSerializer.Serialize(claims, CredentialJsonContext.Default.CredentialClaims);

    public static string B64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public void Dispose()
    {
        IssuerKey.Dispose();
        AgentKey.Dispose();
    }
}
