using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Benchmarks;

/// <summary>
/// The verification hot path against two baselines measured in the same run: one raw Ed25519 verify of
/// the credential's signing input (the floor: a credential check cannot cost less), and Microsoft's
/// JsonWebTokenHandler validating an equivalent ES256 token (the peer). Every invocation gets a proof it
/// has never seen, so replay detection is measured too; status comes from memory, as in production.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 3, warmupCount: 3, iterationCount: 15, invocationCount: Batch)]
public class VerificationBenchmarks
{
    private const int Batch = 2048;
    private const string Issuer = "https://issuer.bench";
    private const string Audience = "payments-api";
    private static readonly Uri Target = new("https://payments.bench/v1/payments/release");

    private readonly ActionRequest _request = new()
    {
        Action = "payments.release",
        Resource = "invoice:42",
        Method = "POST",
        Target = Target,
        Context = new Dictionary<string, string> { ["amount"] = "120.50", ["currency"] = "EUR" },
    };

    private Ed25519SigningKey _issuerKey = null!;
    private Ed25519SigningKey _agentKey = null!;
    private CredentialVerifier _verifier = null!;
    private PublicKey _rawPublicKey = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private string _repeatedCredential = null!;
    private string[] _repeatedProofs = null!;
    private string[] _freshCredentials = null!;
    private string[] _freshProofs = null!;
    private (byte[] Input, byte[] Signature)[] _freshInputs = null!;
    private (byte[] Input, byte[] Signature)[] _freshProofInputs = null!;
    private int _nextFresh;
    private int _nextRepeated;
    private int _nextRaw;
    private int _nextRawProof;
    private JsonWebTokenHandler _handler = null!;
    private string _es256Token = null!;
    private TokenValidationParameters _es256Parameters = null!;

    /// <summary>How many fresh inputs an iteration setup makes: one per invocation (<see cref="PairedRatios"/> makes fewer per round).</summary>
    public int InputsPerIteration { get; set; } = Batch;

    [GlobalSetup]
    public void Setup()
    {
        _issuerKey = Ed25519SigningKey.Generate();
        _agentKey = Ed25519SigningKey.Generate();
        // One holder signs every proof here, so its share of the replay memory is the whole memory (the total cap still applies).
        var options = new CredentialVerifierOptions { Audience = Audience, MaxRememberedProofsPerHolder = new CredentialVerifierOptions().MaxRememberedProofs };
        options.Issuers.Add(new TrustedIssuerOptions
        {
            Issuer = Issuer,
            Jwks = $$"""{"keys":[{"kty":"OKP","crv":"Ed25519","x":"{{_issuerKey.ToPublicJwk().X}}","kid":"{{_issuerKey.KeyId}}"}]}""",
        });
        var wrapped = Options.Create(options);
        var status = new InMemoryStatusSource();
        status.DeclareList($"{Issuer}/status-lists/1");
        _verifier = new CredentialVerifier(wrapped, new JwksIssuerKeySource(wrapped, null, TimeProvider.System),
            status, new MemoryProofReplayCache(wrapped, TimeProvider.System), TimeProvider.System);

        _repeatedCredential = NewCredential();
        var lastDot = _repeatedCredential.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_repeatedCredential[..lastDot]);
        _signature = Base64Url.DecodeFromChars(_repeatedCredential.AsSpan(lastDot + 1));
        _rawPublicKey = _issuerKey.PublicKey.PublicKey;

        // The peer: the same claims, ES256, validated by Microsoft's handler with an equivalent setup.
        _handler = new JsonWebTokenHandler();
        var ecdsa = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "es256" };
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(_repeatedCredential.Split('.')[1]));
        _es256Token = _handler.CreateToken(payload, new SigningCredentials(ecdsa, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = TokenTypes.Credential });
        _es256Parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = ecdsa,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [TokenTypes.Credential],
        };

        // Warm the verified-credential cache for the repeated case (it remembers a credential from its second
        // verification on).
        for (var i = 0; i < 2; i++)
        {
            _verifier.VerifyAsync(new Presentation(_repeatedCredential, Proof(_repeatedCredential)), _request).AsTask().GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(RepeatedCredentialFreshProof))]
    public void SetupRepeated()
    {
        _nextRepeated = 0;
        _repeatedProofs = Enumerable.Range(0, InputsPerIteration).Select(_ => Proof(_repeatedCredential)).ToArray();
        SettleHeap();
    }

    [IterationSetup(Target = nameof(FreshCredentialFreshProof))]
    public void SetupFresh()
    {
        _nextFresh = 0;
        _freshCredentials = Enumerable.Range(0, InputsPerIteration).Select(_ => NewCredential()).ToArray();
        _freshProofs = _freshCredentials.Select(Proof).ToArray();
        SettleHeap();
    }

    [IterationSetup(Targets = [nameof(TwoRawEd25519Verifies), nameof(RawEd25519VerifyOfAFreshProof)])]
    public void SetupTwoRaw()
    {
        _nextRaw = 0;
        _nextRawProof = 0;
        var credentials = Enumerable.Range(0, InputsPerIteration).Select(_ => NewCredential()).ToArray();
        _freshInputs = credentials.Select(SigningInput).ToArray();
        _freshProofInputs = credentials.Select(c => SigningInput(Proof(c))).ToArray();
        SettleHeap();
    }

    [Benchmark(Baseline = true, Description = "Raw NSec Ed25519 verify (same signing input)")]
    public bool RawEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_rawPublicKey, _signingInput, _signature);

    [Benchmark(Description = "Two raw NSec Ed25519 verifies (a fresh credential's and its proof's inputs)")]
    public bool TwoRawEd25519Verifies()
    {
        var i = _nextRaw++;
        var (credential, credentialSignature) = _freshInputs[i];
        var (proof, proofSignature) = _freshProofInputs[i];
        return SignatureAlgorithm.Ed25519.Verify(_rawPublicKey, credential, credentialSignature) &
               SignatureAlgorithm.Ed25519.Verify(_agentKey.PublicKey.PublicKey, proof, proofSignature);
    }

    [Benchmark(Description = "Raw NSec Ed25519 verify of a fresh proof's input")]
    public bool RawEd25519VerifyOfAFreshProof()
    {
        var (proof, proofSignature) = _freshProofInputs[_nextRawProof++];
        return SignatureAlgorithm.Ed25519.Verify(_agentKey.PublicKey.PublicKey, proof, proofSignature);
    }

    [Benchmark(Description = "ExecGov: fresh credential + fresh proof")]
    public Decision FreshCredentialFreshProof()
    {
        var i = _nextFresh++;
        return Check(_verifier.VerifyAsync(new Presentation(_freshCredentials[i], _freshProofs[i]), _request));
    }

    [Benchmark(Description = "ExecGov: repeated credential + fresh proof")]
    public Decision RepeatedCredentialFreshProof()
    {
        var i = _nextRepeated++;
        return Check(_verifier.VerifyAsync(new Presentation(_repeatedCredential, _repeatedProofs[i]), _request));
    }

    [Benchmark(Description = "JsonWebTokenHandler: ES256 token (peer)")]
    public bool JsonWebTokenHandlerEs256() =>
        _handler.ValidateTokenAsync(_es256Token, _es256Parameters).GetAwaiter().GetResult().IsValid;

    private static Decision Check(ValueTask<Decision> pending)
    {
        var decision = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return decision.IsAllowed ? decision : throw new InvalidOperationException($"Benchmark input was denied: {decision.Reason.ToWireString()}");
    }

    private string NewCredential()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return CredentialWriter.Sign(new CredentialClaims
        {
            Issuer = Issuer,
            Subject = "agent-invoice-bot",
            Audience = [Audience],
            IssuedAt = now,
            NotBefore = now,
            Expires = now + 900,
            CredentialId = Guid.NewGuid().ToString("N"),
            SessionId = "ses-" + Guid.NewGuid().ToString("N")[..12],
            Confirmation = new Confirmation { KeyThumbprint = _agentKey.Thumbprint },
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
            Authoriser = new Authoriser { Subject = "admin-1", Name = "Ada Admin", ApprovalId = "apr-1", ApprovedAt = now },
            Status = new StatusClaim { StatusList = new StatusListReference { Index = 7, Uri = $"{Issuer}/status-lists/1" } },
        }, _issuerKey);
    }

    // The inputs made for an iteration (a few MB of tokens) are promoted before it starts, so that copying them is not
    // billed to the first verifications that happen to trigger a collection.
    private static void SettleHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static (byte[] Input, byte[] Signature) SigningInput(string token)
    {
        var lastDot = token.LastIndexOf('.');
        return (Encoding.ASCII.GetBytes(token[..lastDot]), Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1)));
    }

    private string Proof(string credential) => ProofWriter.Create(_agentKey, _agentKey.PublicKeyBytes.Span, "POST", Target, credential, DateTimeOffset.UtcNow);

    [GlobalCleanup]
    public void Cleanup()
    {
        _issuerKey.Dispose();
        _agentKey.Dispose();
    }
}
