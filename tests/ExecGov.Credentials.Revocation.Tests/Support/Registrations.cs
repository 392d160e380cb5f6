using Bogus;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>Realistic registrations from Bogus with a fixed seed, so failures reproduce.</summary>
internal sealed class Registrations(int seed = 4_242)
{
    private readonly Faker _faker = new() { Random = new Randomizer(seed) };

    public string NewAgentId() => "agent-" + _faker.Internet.UserName().ToLowerInvariant();

    public string NewSessionId() => "ses_" + _faker.Random.AlphaNumeric(16);

    public string NewAuthoriser() => _faker.Internet.Email();

    public CredentialRegistration Next(string? session = null, string? agent = null, string? authoriser = null, string? key = null, string? holder = null) => new()
    {
        CredentialId = "cred_" + _faker.Random.AlphaNumeric(20),
        SessionId = session ?? NewSessionId(),
        AgentId = agent ?? NewAgentId(),
        AuthoriserSubject = authoriser ?? NewAuthoriser(),
        SigningKeyId = key ?? "key-1",
        HolderKeyThumbprint = holder ?? "jkt-" + _faker.Random.AlphaNumeric(20),
        ExpiresAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_faker.Random.Int(5, 60)),
    };
}
