using ExecGov.Credentials.Signing.Crypto;
using System.Text;
using BenchmarkDotNet.Attributes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Benchmarks;

/// <summary>
/// Issuance throughput with durable writes against its floor, measured in the same run: one issuance is the
/// policy check (agent, audience, lifetime, ceiling, risk), a status-list index durably allocated in the
/// revocation store, an Ed25519 signature of the credential and a durable LiteDB commit of the credential record
/// and its hash-chained audit record. The baseline is one raw
/// Ed25519 signature plus one durable LiteDB insert of a small document — what no durable issuance can beat.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: Batch)]
public class IssuanceBenchmarks
{
    private const int Batch = 256;
    private static readonly byte[] SigningInput = Encoding.ASCII.GetBytes(new string('a', 640));

    private readonly byte[] _signature = new byte[64];
    private string _folder = null!;
    private LiteDbStore _store = null!;
    private KeyRing _keys = null!;
    private CredentialIssuer _issuer = null!;
    private ServiceProvider _revocation = null!;
    private IssuanceCommand _command = null!;
    private LiteDbStore _baselineStore = null!;
    private long _baselineId;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("execgov-issuer-bench-").FullName;
        var options = Options.Create(new IssuerOptions { DataPath = _folder, DurableWrites = true });
        var time = TimeProvider.System;
        _store = new LiteDbStore(Path.Combine(_folder, LiteDbStore.FileName), durable: true);
        _baselineStore = new LiteDbStore(Path.Combine(_folder, "baseline.db"), durable: true);
        var audit = new AuditLog(_store, time);
        _keys = new KeyRing(options, new HostingEnvironment { EnvironmentName = "Production" }, time, NullLogger<KeyRing>.Instance);
        var policy = new IssuancePolicyOptions();
        policy.ConsequentialActions.Add("payments.release");

        // The real revocation registry on the same store, as the issuer service hosts it.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IExecGovStore>(_store);
        services.AddSingleton<IStatusListSigningKeyProvider>(new ActiveKeyProvider(_keys));
        services.AddRevocation(revocation => revocation.PublicBaseUri = new Uri("http://127.0.0.1:5080"));
        _revocation = services.BuildServiceProvider();
        _issuer = new CredentialIssuer(_store, audit, _keys, new RiskClassifier(Options.Create(policy)), time, options,
            _revocation.GetRequiredService<RevocationRegistry>(), NullLogger<CredentialIssuer>.Instance);

        using var agentKey = Ed25519SigningKey.Generate();
        var registered = new AgentRegistry(_store, audit, time, options).Register(new RegisterAgentRequest
        {
            Id = "agent-bench",
            DisplayName = "Benchmark agent",
            Owner = "Bench Owner",
            PublicKey = new JwkInput { Kty = "OKP", Crv = "Ed25519", X = agentKey.ToPublicJwk().X },
            AllowedAudiences = ["payments-api"],
            Ceiling = [new AuthorizationDetail { Actions = ["payments.read", "invoices.*"], Locations = ["payments-api"], Resources = ["invoice:*"] }],
            MaxLifetimeSeconds = 900,
        }, new Caller("admin-bench", "Bench Admin", "bench-admin"));
        if (registered.Failed)
        {
            throw new InvalidOperationException(registered.Error.Detail);
        }

        _command = new IssuanceCommand("agent-bench", ["payments-api"],
            [new AuthorizationDetail { Actions = ["payments.read"], Locations = ["payments-api"], Resources = ["invoice:2026-118"] }],
            300, null, "admin-bench", "Bench Admin", "bench-admin", SelfService: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _revocation.Dispose();
        _store.Dispose();
        _baselineStore.Dispose();
        _keys.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Ed25519 sign + durable LiteDB insert")]
    public bool SignAndInsert()
    {
        _keys.ActiveKey.Sign(SigningInput, _signature);
        var id = ++_baselineId;
        return !_baselineStore.Write<bool>(() =>
        {
            _baselineStore.UsedAssertions.Insert(new UsedAssertionDocument { Id = "bench " + id, ExpiresAt = id });
            return true;
        }).Failed;
    }

    [Benchmark(Description = "issuance: policy + status index + sign + durable commit with audit")]
    public async Task<string> Issue()
    {
        var outcome = await _issuer.RequestAsync(_command, CancellationToken.None);
        return outcome.Value?.Issued?.CredentialId ?? throw new InvalidOperationException(outcome.Error?.Detail);
    }
}
