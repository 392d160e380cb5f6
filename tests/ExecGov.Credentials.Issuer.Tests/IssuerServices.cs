using ExecGov.Credentials.Signing.Crypto;
using Bogus;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Decisions;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Issuer.SignIn;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Issuer.Tests;

/// <summary>The issuer's domain services over a real LiteDB file in a temp folder, on a fake clock.</summary>
internal sealed class IssuerServices : IDisposable
{
    private readonly Faker _faker = new() { Random = new Randomizer(1313) };

    public IssuerServices(Action<IssuerOptions>? configure = null)
    {
        Folder = Directory.CreateTempSubdirectory("execgov-issuer-unit-").FullName;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var options = new IssuerOptions { DataPath = Folder };
        configure?.Invoke(options);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        var policy = new IssuancePolicyOptions();
        policy.ConsequentialActions.Add("payments.release");
        Store = new LiteDbStore(Path.Combine(Folder, LiteDbStore.FileName), durable: true);
        Audit = new AuditLog(Store, Time);
        Keys = new KeyRing(Options, new HostingEnvironment { EnvironmentName = "Production" }, Time, NullLogger<KeyRing>.Instance);
        Registry = new AgentRegistry(Store, Audit, Time, Options);
        Revocations = new RevocationRegistry(
            Microsoft.Extensions.Options.Options.Create(new RevocationOptions { PublicBaseUri = new Uri("http://127.0.0.1:5080"), ListSize = 64 }),
            Store, new ActiveKeyProvider(Keys), new KeyCompromiseHandler(Keys, Store, Audit), Time);
        Issuer = new CredentialIssuer(Store, Audit, Keys, new RiskClassifier(Microsoft.Extensions.Options.Options.Create(policy)), Time, Options,
            Revocations, NullLogger<CredentialIssuer>.Instance);
        Failures = new AnonymousFailureLimiter(Store, Audit, Time, Options);
        Clients = new AdminClients(Store, Audit, Failures, Time, Options);
        Recorder = new RevocationActRecorder(Store, Audit, Clients, Time);
        HostPart = new HostActPart(new KnownRevocationTargets(Store, Keys).IsKnown, Recorder.Record);
        Approvals = new ApprovalService(Store, Audit, Issuer, Clients, Time, Options);
        Decisions = new DecisionRecorder(Store, Audit, Time);
        Queries = new AuditQueries(Store);
    }

    public string Folder { get; }

    public AnonymousFailureLimiter Failures { get; }

    public AdminClients Clients { get; }

    public FakeTimeProvider Time { get; }

    public IOptions<IssuerOptions> Options { get; }

    public LiteDbStore Store { get; }

    public AuditLog Audit { get; }

    public KeyRing Keys { get; }

    public AgentRegistry Registry { get; }

    public CredentialIssuer Issuer { get; }

    /// <summary>The real revocation registry on the same store, as the issuer hosts it.</summary>
    public RevocationRegistry Revocations { get; }

    public RevocationActRecorder Recorder { get; }

    /// <summary>The issuer's part of a revocation act, as the issuer registers it.</summary>
    public HostActPart HostPart { get; }

    public ApprovalService Approvals { get; }

    public DecisionRecorder Decisions { get; }

    public AuditQueries Queries { get; }

    public static Caller Admin { get; } = new("admin-ada", "Ada Admin", "ada");

    public static Caller Approver { get; } = new("approver-ines", "Ines Approver", "ines");

    public string RegisterAgent()
    {
        using var key = Ed25519SigningKey.Generate();
        var id = $"agent-{_faker.Random.AlphaNumeric(8)}";
        var result = Registry.Register(new RegisterAgentRequest
        {
            Id = id,
            DisplayName = _faker.Company.CompanyName() + " bot",
            Owner = _faker.Name.FullName(),
            PublicKey = new JwkInput { Kty = "OKP", Crv = "Ed25519", X = key.ToPublicJwk().X },
            AllowedAudiences = ["payments-api"],
            Ceiling = [new AuthorizationDetail { Actions = ["payments.*"], Constraints = new ActionConstraints { MaxAmount = 5000m, Currency = "EUR" } }],
            MaxLifetimeSeconds = 600,
        }, Admin);
        Assert.False(result.Failed, result.Error?.Detail);
        return id;
    }

    public static IReadOnlyList<AuthorizationDetail> Release(decimal amount = 100m) =>
        [new AuthorizationDetail { Actions = ["payments.release"], Constraints = new ActionConstraints { MaxAmount = amount, Currency = "EUR" } }];

    public void Dispose()
    {
        Revocations.Dispose();
        Store.Dispose();
        Keys.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
