using ExecGov.Credentials.Signing.Crypto;
using BenchmarkDotNet.Attributes;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation.Benchmarks;

/// <summary>
/// Index allocation on a real LiteDB store: every allocation is durably committed before it returns, so a
/// lone caller pays one commit + checkpoint; concurrent callers share one (group commit).
/// </summary>
public class AllocationBenchmarks : IDisposable
{
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();
    private string _directory = "";
    private RevocationRegistry _registry = null!;
    private LiteDbStore _store = null!;
    private int _next;

    /// <summary>Allocations in flight at once.</summary>
    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "execgov-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var options = new RevocationOptions
        {
            PublicBaseUri = new Uri("https://issuer.example"),
        };
        _store = new LiteDbStore(Path.Combine(_directory, LiteDbStore.FileName), durable: true);
        _registry = new RevocationRegistry(Options.Create(options), _store, new FixedKey(_key), new NoKeys(), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _registry.Dispose();
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One operation = <see cref="Concurrency"/> allocations started together; reported per allocation.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public async Task Allocate()
    {
        for (var round = 0; round < 64 / Concurrency; round++)
        {
            var tasks = new Task[Concurrency];
            for (var i = 0; i < Concurrency; i++)
            {
                var n = Interlocked.Increment(ref _next);
                tasks[i] = _registry.AllocateAsync(new CredentialRegistration
                {
                    CredentialId = "cred-" + n,
                    SessionId = "ses-" + (n % 1000),
                    AgentId = "agent-" + (n % 100),
                    AuthoriserSubject = "approver-" + (n % 10),
                    SigningKeyId = "key-1",
                    ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(15),
                }, CancellationToken.None);
            }

            await Task.WhenAll(tasks);
        }
    }

    public void Dispose()
    {
        _key.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class FixedKey(Ed25519SigningKey key) : IStatusListSigningKeyProvider
    {
        public Ed25519SigningKey GetSigningKey() => key;
    }

    private sealed class NoKeys : ISigningKeyCompromiseHandler
    {
        public ValueTask OnCompromisedAsync(string keyId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
