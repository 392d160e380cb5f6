using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using Bogus;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier.Integration.Tests.Status;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>An agent with credentials from the fake issuer and fresh proofs for the verify endpoint; Bogus on a fixed seed.</summary>
internal sealed class IntegrationData : IDisposable
{
    public const string Audience = "payments-api";
    public static readonly Uri Target = new("https://payments.execgov.test/v1/payments/release");
    private readonly Faker _faker = new() { Random = new Randomizer(9449) };
    private readonly FakeIssuerHost _issuer;

    public IntegrationData(FakeIssuerHost issuer)
    {
        _issuer = issuer;
        AgentId = $"agent-{_faker.Internet.DomainWord()}-{_faker.Random.AlphaNumeric(6)}";
        Authoriser = $"{_faker.Internet.UserName()}@execgov.test";
    }

    public Ed25519SigningKey AgentKey { get; } = Ed25519SigningKey.Generate();

    public string AgentId { get; }

    public string Authoriser { get; }

    /// <summary>A credential from the fake issuer whose status is entry <paramref name="index"/> of list <paramref name="listId"/>.</summary>
    public string Credential(int index, int listId = 1, string? statusUri = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return CredentialWriter.Sign(new CredentialClaims
        {
            Issuer = _issuer.Issuer,
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
                    Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR" },
                },
            ],
            Authoriser = new Authoriser { Subject = Authoriser, Name = _faker.Name.FullName() },
            Status = new StatusClaim { StatusList = new StatusListReference { Index = index, Uri = statusUri ?? _issuer.ListUri(listId) } },
        }, _issuer.Key);
    }

    /// <summary>A <c>/v1/verify</c> body with a fresh proof.</summary>
    public object Body(string credential, decimal amount = 120.50m) => new Dictionary<string, object?>
    {
        ["credential"] = credential,
        ["proof"] = ProofWriter.Create(AgentKey, AgentKey.PublicKeyBytes.Span, "POST", Target, credential, DateTimeOffset.UtcNow),
        ["method"] = "POST",
        ["url"] = Target.AbsoluteUri,
        ["action"] = "payments.release",
        ["resource"] = "invoice:2026-118",
        ["context"] = new Dictionary<string, object> { ["amount"] = amount, ["currency"] = "EUR" },
    };

    public void Dispose() => AgentKey.Dispose();
}
