using ExecGov.Credentials.Agent.Assertions;
using ExecGov.Credentials.Signing.Crypto;
using Bogus;
using ExecGov.Credentials.Assertions;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Realistic agents from Bogus on a fixed seed, each with a fresh Ed25519 key.</summary>
internal sealed class TestAgents
{
    public const string Audience = "payments-api";
    public const string OtherAudience = "reports-api";
    public const string ForeignAudience = "hr-api";

    private readonly Faker _faker;
    private int _counter;

    public TestAgents(int seed) => _faker = new Faker { Random = new Randomizer(seed) };

    public TestAgent Next()
    {
        _counter++;
        var key = Ed25519SigningKey.Generate();
        var id = $"agent-{_faker.Hacker.Noun().Replace(' ', '-')}-{_faker.Random.AlphaNumeric(6)}-{_counter}".ToLowerInvariant();
        return new TestAgent(id, $"{_faker.Company.CatchPhrase()} bot", _faker.Name.FullName(), key);
    }
}

/// <summary>A registered (or about to be registered) agent and its key.</summary>
internal sealed record TestAgent(string Id, string DisplayName, string Owner, Ed25519SigningKey Key)
{
    public object PublicJwk => new { kty = "OKP", crv = "Ed25519", x = Key.ToPublicJwk().X };

    /// <summary>The registration body: reads and invoices freely, payment release up to 5000 EUR, 10-minute maximum.</summary>
    public object Registration(long maxLifetimeSeconds = 600) => new
    {
        id = Id,
        display_name = DisplayName,
        owner = Owner,
        public_key = PublicJwk,
        allowed_audiences = new[] { TestAgents.Audience, TestAgents.OtherAudience },
        ceiling = new object[]
        {
            new { type = "execgov_action", actions = new[] { "payments.read", "invoices.*" }, locations = new[] { TestAgents.Audience }, resources = new[] { "invoice:*" } },
            new { type = "execgov_action", actions = new[] { "payments.release" }, locations = new[] { TestAgents.Audience }, resources = new[] { "invoice:*" }, constraints = new { max_amount = 5000m, currency = "EUR" } },
        },
        max_lifetime_seconds = maxLifetimeSeconds,
    };

    public static object ReadScope(string resource = "invoice:2026-118") =>
        new[] { new { type = "execgov_action", actions = new[] { "payments.read" }, locations = new[] { TestAgents.Audience }, resources = new[] { resource } } };

    public static object ReleaseScope(decimal maxAmount = 250m) =>
        new[] { new { type = "execgov_action", actions = new[] { "payments.release" }, locations = new[] { TestAgents.Audience }, resources = new[] { "invoice:2026-118" }, constraints = new { max_amount = maxAmount, currency = "EUR" } } };

    public string AssertionHeader() => "ExecGov-Assertion " + AgentAssertionWriter.Create(Key, Key.PublicKeyBytes.Span, Id, IssuerHost.IssuerId, DateTimeOffset.UtcNow);
}
