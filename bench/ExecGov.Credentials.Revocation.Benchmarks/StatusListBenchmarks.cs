using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Signing.Crypto;
using BenchmarkDotNet.Attributes;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Revocation.Publishing;
using ExecGov.Credentials.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecGov.Credentials.Revocation.Benchmarks;

/// <summary>
/// Building, encoding, signing and publishing a 1,000,000-entry status list (issue 4), at several shares of
/// non-valid entries (the compressed size, and so the time, grows with them).
/// </summary>
[MemoryDiagnoser]
public class StatusListBenchmarks : IDisposable
{
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();
    private int[] _revoked = [];
    private StatusList _built = null!;
    private StatusListPublisher _publisher = null!;
    private long _version;

    /// <summary>Share of entries that are revoked or suspended.</summary>
    [Params(0.0, 0.01, 0.1)]
    public double NonValid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _revoked = StatusListFixture.RevokedIndices(NonValid);
        _built = StatusListFixture.Build(_revoked);
        var options = new RevocationOptions { PublicBaseUri = new Uri("https://issuer.example"), DatabasePath = "unused" };
        _publisher = new StatusListPublisher(options, new FixedKey(_key), TimeProvider.System, NullLogger.Instance);
        var entries = _publisher.AddList(1, StatusListFixture.Entries);
        for (var i = 0; i < _revoked.Length; i++)
        {
            entries.Set(_revoked[i], _built.Get(_revoked[i]));
        }
    }

    /// <summary>Allocating the 250,000-byte list and setting the non-valid entries.</summary>
    [Benchmark]
    public StatusList Build() => StatusListFixture.Build(_revoked);

    /// <summary>ZLIB at the smallest size, then base64url: the <c>lst</c> claim.</summary>
    [Benchmark]
    public string Encode() => _built.Encode();

    /// <summary>Build + encode + sign the token.</summary>
    [Benchmark(Baseline = true)]
    public string BuildEncodeSign() =>
        StatusListTokenWriter.Sign(StatusListFixture.Build(_revoked), "https://issuer.example/status-lists/1", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), _key, version: 1);

    /// <summary>What the registry does after a commit that changed the list: encode, sign, swap the published token.</summary>
    [Benchmark]
    public string? Publish()
    {
        _publisher.Publish(1, ++_version);
        return _publisher.Get(1)?.Token;
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
}
