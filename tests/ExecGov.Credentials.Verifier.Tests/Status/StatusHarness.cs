using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Metadata;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>
/// A <see cref="StatusListStatusSource"/> wired to a <see cref="FakeStatusServer"/> on a fake clock: lists are
/// published signed with the issuer's key, events are fed as Server-Sent Events text.
/// </summary>
internal sealed class StatusHarness : IDisposable
{
    public const string IssuerId = "https://issuer.execgov.test";
    public const string Base = "https://issuer.execgov.test/status-lists";
    public const string EventsUri = "https://issuer.execgov.test/status-lists/events";
    public const int ListSize = 1024;

    private readonly HttpClient _http;

    public StatusHarness(Action<StatusListOptions>? configure = null, Action<TrustedIssuerOptions>? issuer = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        IssuerKey = Ed25519SigningKey.Generate();
        OtherKey = Ed25519SigningKey.Generate();
        Server = new FakeStatusServer();
        _http = new HttpClient(Server);
        var trusted = new TrustedIssuerOptions
        {
            Issuer = IssuerId,
            Jwks = JsonSerializer.Serialize(new { keys = new[] { TestIssuer.Jwk(IssuerKey) } }),
            StatusListBase = new Uri(Base),
            StatusEventsUri = new Uri(EventsUri),
        };
        issuer?.Invoke(trusted);
        VerifierOptions = new CredentialVerifierOptions { Audience = "payments-api" };
        VerifierOptions.Issuers.Add(trusted);
        Options = new StatusListOptions();
        configure?.Invoke(Options);
        var verifierOptions = Microsoft.Extensions.Options.Options.Create(VerifierOptions);
        Metadata = new IssuerMetadataClient(VerifierOptions.Issuers, _http, Time, logger: null);
        Keys = new JwksIssuerKeySource(verifierOptions, _http, Time, logger: null, Metadata);
        Source = new StatusListStatusSource(verifierOptions, Microsoft.Extensions.Options.Options.Create(Options), Keys, Metadata, _http, Time, logger: null);
    }

    public FakeTimeProvider Time { get; }

    public Ed25519SigningKey IssuerKey { get; }

    public Ed25519SigningKey OtherKey { get; }

    public FakeStatusServer Server { get; }

    public CredentialVerifierOptions VerifierOptions { get; }

    public StatusListOptions Options { get; }

    public IssuerMetadataClient Metadata { get; }

    public JwksIssuerKeySource Keys { get; }

    public StatusListStatusSource Source { get; }

    public IssuerStatusState State => Source.Issuers.Single();

    public static string ListUri(int id) => Base + "/" + id.ToString(CultureInfo.InvariantCulture);

    public static StatusList List(params (int Index, StatusValue Value)[] entries)
    {
        var list = new StatusList(ListSize, bits: 2);
        foreach (var (index, value) in entries)
        {
            list.Set(index, value);
        }

        return list;
    }

    /// <summary>Publishes <paramref name="list"/> as list <paramref name="id"/> at <paramref name="version"/>, signed now.</summary>
    public string Publish(int id, StatusList list, long version, int ttlSeconds = 30, TimeSpan? lifetime = null)
    {
        var token = StatusListTokenWriter.Sign(list, ListUri(id), Time.GetUtcNow(), lifetime ?? TimeSpan.FromHours(1), TimeSpan.FromSeconds(ttlSeconds), IssuerKey, version);
        Server.Serve(ListUri(id), token, version);
        return token;
    }

    /// <summary>Signs any header and claims, for tokens the writer would refuse to make.</summary>
    public static string SignRaw(string headerJson, string payloadJson, Ed25519SigningKey key)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        var signature = new byte[64];
        key.Sign(Encoding.ASCII.GetBytes(input), signature);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public string Header(string typ = "statuslist+jwt", string alg = "EdDSA", string? kid = null, string extra = "") =>
        $$"""{"alg":"{{alg}}","typ":"{{typ}}","kid":"{{kid ?? IssuerKey.KeyId}}"{{extra}}}""";

    public string Claims(int id, StatusList list, long version, string? sub = null, long? exp = null, int? bits = null, string? lst = null)
    {
        var iat = Time.GetUtcNow().ToUnixTimeSeconds();
        return JsonSerializer.Serialize(new StatusListTokenClaims
        {
            Subject = sub ?? ListUri(id),
            IssuedAt = iat,
            Expires = exp ?? iat + 3600,
            TimeToLive = 30,
            Version = version,
            StatusList = new StatusListClaim { Bits = bits ?? list.Bits, List = lst ?? list.Encode() },
        }, StatusListJsonContext.Default.StatusListTokenClaims);
    }

    public ValueTask<CredentialStatus> StatusAsync(int index, int listId = 1) =>
        Source.GetStatusAsync(IssuerId, new StatusListReference { Index = index, Uri = ListUri(listId) }, CancellationToken.None);

    public ValueTask<CredentialStatus> StatusAsync(int index, string uri) =>
        Source.GetStatusAsync(IssuerId, new StatusListReference { Index = index, Uri = uri }, CancellationToken.None);

    /// <summary>Runs one connection of the event stream over <see cref="FakeStatusServer.EventStream"/> to its end.</summary>
    public Task<StatusEventStream.Outcome> StreamAsync(string sse)
    {
        Server.EventStream = sse;
        return new StatusEventStream(Source, State, _http, Time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .ConnectOnceAsync(new Uri(EventsUri), CancellationToken.None);
    }

    public Task FetchesDone() => Source.WhenFetchesDoneAsync();

    public void Dispose()
    {
        Source.Dispose();
        _http.Dispose();
        Server.Dispose();
        IssuerKey.Dispose();
        OtherKey.Dispose();
    }
}
