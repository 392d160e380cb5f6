using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Metadata;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Benchmarks;

/// <summary>
/// The verifier's side of a status list for 1,000,000 credentials (1% revoked, 0.1% suspended, at random):
/// answering one credential's status from the held list (the per-verification cost; baseline: the in-memory
/// test source), and loading the list (verifying the signed token and inflating it, as after a fetch).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StatusListBenchmarks
{
    private const int Entries = 1_000_000;
    private const string Issuer = "https://issuer.bench";
    private const string ListUri = "https://issuer.bench/status-lists/1";
    private readonly Random _random = new(1_000_000);
    private Ed25519SigningKey _key = null!;
    private StatusListStatusSource _source = null!;
    private InMemoryStatusSource _inMemory = null!;
    private JwksIssuerKeySource _keys = null!;
    private StatusListReference[] _references = null!;
    private string _token = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519SigningKey.Generate();
        var list = new StatusList(Entries, bits: 2);
        for (var i = 0; i < Entries / 100; i++)
        {
            list.Set(_random.Next(Entries), StatusValue.Invalid);
        }

        for (var i = 0; i < Entries / 1000; i++)
        {
            list.Set(_random.Next(Entries), StatusValue.Suspended);
        }

        _token = StatusListTokenWriter.Sign(list, ListUri, DateTimeOffset.UtcNow, TimeSpan.FromHours(12), TimeSpan.FromHours(1), _key, version: 1);
        var options = new CredentialVerifierOptions { Audience = "payments-api" };
        options.Issuers.Add(new TrustedIssuerOptions
        {
            Issuer = Issuer,
            Jwks = $$"""{"keys":[{"kty":"OKP","crv":"Ed25519","x":"{{_key.ToPublicJwk().X}}","kid":"{{_key.KeyId}}"}]}""",
            StatusListBase = new Uri("https://issuer.bench/status-lists"),
        });
        var wrapped = Options.Create(options);
        var http = new HttpClient(new OneTokenHandler(_token));
        var metadata = new IssuerMetadataClient(options.Issuers, http, TimeProvider.System, logger: null);
        _keys = new JwksIssuerKeySource(wrapped, http, TimeProvider.System);
        var statusOptions = new StatusListOptions { MaxStatusAge = TimeSpan.FromHours(1) };
        _source = new StatusListStatusSource(wrapped, Options.Create(statusOptions), _keys, metadata, http, TimeProvider.System, logger: null);
        _inMemory = new InMemoryStatusSource();
        _inMemory.DeclareList(ListUri);
        _references = Enumerable.Range(0, 4096).Select(_ => new StatusListReference { Index = _random.Next(Entries), Uri = ListUri }).ToArray();
        if (_source.GetStatusAsync(Issuer, _references[0], CancellationToken.None).AsTask().GetAwaiter().GetResult() == CredentialStatus.Unavailable &&
            list.Get(_references[0].Index) == StatusValue.Valid)
        {
            throw new InvalidOperationException("The status list did not load.");
        }

        Console.WriteLine($"// 1,000,000-entry 2-bit list: {list.Bytes.Length:N0} bytes raw, lst {list.Encode().Length:N0} characters, token {_token.Length:N0} characters");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true, Description = "InMemoryStatusSource lookup (test double)")]
    public CredentialStatus InMemoryLookup() =>
        _inMemory.GetStatusAsync(Issuer, _references[_next++ & 4095], CancellationToken.None).Result;

    [Benchmark(Description = "StatusListStatusSource lookup, 1M-entry list held")]
    public CredentialStatus HeldListLookup() =>
        _source.GetStatusAsync(Issuer, _references[_next++ & 4095], CancellationToken.None).Result;

    [Benchmark(Description = "Load a 1M-entry list: verify token + inflate")]
    public async Task<bool> LoadList()
    {
        var (check, _) = await StatusListTokenValidator.ValidateAsync(_token, ListUri, Issuer, _keys, DateTimeOffset.UtcNow, new StatusListOptions(), CancellationToken.None);
        return check == StatusListTokenCheck.Valid;
    }

    /// <summary>Serves the one status list token, as the issuer would.</summary>
    private sealed class OneTokenHandler(string token) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token, Encoding.ASCII, "application/statuslist+jwt") });
    }
}
