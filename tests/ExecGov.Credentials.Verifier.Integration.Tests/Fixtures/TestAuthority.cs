using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Net.Http.Json;
using System.Text.Json;
using Bogus;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>
/// An issuer key, an agent key and a status list, with realistic data from Bogus on a fixed seed: mints
/// credentials and proofs the way the issuer and the agent SDK do, so tests can shape every request.
/// </summary>
internal sealed class TestAuthority : IDisposable
{
    public const string IssuerId = "https://issuer.execgov.test";
    public const string Audience = "payments-api";
    public const string StatusListUri = "https://issuer.execgov.test/status-lists/7";
    public const string Iban = "DE89370400440532013000";

    private readonly Faker _faker = new() { Random = new Randomizer(9449) };
    private int _nextIndex;

    public TestAuthority()
    {
        IssuerKey = Ed25519SigningKey.Generate();
        AgentKey = Ed25519SigningKey.Generate();
        Status = new InMemoryStatusSource();
        Status.DeclareList(StatusListUri);
        AgentId = $"agent-{_faker.Internet.DomainWord()}-{_faker.Random.AlphaNumeric(6)}";
        AuthoriserId = $"admin-{_faker.Random.Int(1, 99)}";
        AuthoriserName = _faker.Name.FullName();
        Invoice = $"2026-{_faker.Random.Int(100, 999)}";
    }

    public Ed25519SigningKey IssuerKey { get; }

    public Ed25519SigningKey AgentKey { get; }

    public InMemoryStatusSource Status { get; }

    public string AgentId { get; }

    public string AuthoriserId { get; }

    public string AuthoriserName { get; }

    public string Invoice { get; }

    public string Jwks => JsonSerializer.Serialize(new
    {
        keys = new[] { new { kty = "OKP", crv = "Ed25519", x = IssuerKey.ToPublicJwk().X, kid = IssuerKey.KeyId, use = "sig", alg = "EdDSA" } },
    });

    /// <summary>The claims of a credential allowing payments.release on invoices up to 500 EUR to one IBAN (entry 0), and invoices.read (entry 1).</summary>
    public CredentialClaims Claims(Func<CredentialClaims, CredentialClaims>? change = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
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
                    Actions = ["payments.release"],
                    Locations = [Audience],
                    Resources = ["invoice:*"],
                    Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR", Destinations = [Iban] },
                },
                new AuthorizationDetail
                {
                    Actions = ["invoices.read"],
                    Locations = [Audience],
                    Resources = ["invoice:*"],
                },
            ],
            Authoriser = new Authoriser { Subject = AuthoriserId, Name = AuthoriserName, ApprovalId = "apr-1", ApprovedAt = now - 60 },
            Status = new StatusClaim { StatusList = new StatusListReference { Index = Interlocked.Increment(ref _nextIndex), Uri = StatusListUri } },
        };
        return change is null ? claims : change(claims);
    }

    public string Sign(CredentialClaims claims) => CredentialWriter.Sign(claims, IssuerKey);

    public string Credential(Func<CredentialClaims, CredentialClaims>? change = null) => Sign(Claims(change));

    public string Proof(string credential, HttpMethod method, Uri target) =>
        ProofWriter.Create(AgentKey, AgentKey.PublicKeyBytes.Span, method.Method, target, credential, DateTimeOffset.UtcNow);

    /// <summary>A request presenting <paramref name="credential"/> with a proof for exactly this method and URL (unless told otherwise).</summary>
    public HttpRequestMessage Request(HttpMethod method, Uri target, string? credential, object? body = null, string? proof = null, bool withProof = true)
    {
        var request = new HttpRequestMessage(method, target);
        if (credential is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"DPoP {credential}");
            if (withProof)
            {
                request.Headers.TryAddWithoutValidation("DPoP", proof ?? Proof(credential, method, target));
            }
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public void Revoke(CredentialClaims claims) => Status.Set(claims.Status!.StatusList, CredentialStatus.Revoked);

    public void Dispose()
    {
        IssuerKey.Dispose();
        AgentKey.Dispose();
    }
}
