using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;
using ExecGov.Credentials.Verifier.Decisions;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Policy;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Decides, at the moment an action executes, whether a presented credential and holder proof allow it.
/// The checks run in the order RFC 8725 suggests, each ending in exactly one reason code:
/// size → structure → header (alg, typ, crit) → issuer → key → signature → claims → scope → proof → status.
/// Bad input never throws; it is a deny. Thread-safe; create one per set of options.
/// </summary>
public sealed partial class CredentialVerifier
{
    private readonly CredentialVerifierOptions _options;
    private readonly IIssuerKeySource _keys;
    private readonly ICredentialStatusSource _status;
    private readonly IProofReplayCache _replay;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly VerifiedCredentialCache _cache;
    private readonly SegmentCache<HolderKey> _holderKeys = new(capacity: 10_000);
    private readonly SegmentCache<string> _credentialHeaders = new(capacity: 1_000);
    private readonly long _skewSeconds;
    private readonly long _proofLifetimeSeconds;

    /// <summary>Creates a verifier. Options are validated here, so a half-configured verifier cannot exist.</summary>
    /// <exception cref="OptionsValidationException">The options are unsafe or incomplete.</exception>
    public CredentialVerifier(
        IOptions<CredentialVerifierOptions> options,
        IIssuerKeySource keys,
        ICredentialStatusSource status,
        IProofReplayCache replay,
        TimeProvider time,
        ILogger<CredentialVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(time);
        var validation = new CredentialVerifierOptionsValidator().Validate(Options.DefaultName, options.Value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CredentialVerifierOptions), validation.Failures);
        }

        _options = options.Value;
        _keys = keys;
        _status = status;
        _replay = replay;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _cache = new VerifiedCredentialCache(_options.VerifiedCredentialCacheSize);
        _skewSeconds = (long)_options.ClockSkew.TotalSeconds;
        _proofLifetimeSeconds = (long)_options.ProofLifetime.TotalSeconds;
    }

    /// <summary>Verifies <paramref name="presentation"/> for <paramref name="request"/>; never throws for bad input.</summary>
    /// <exception cref="ArgumentNullException">A caller's bug: an argument is null.</exception>
    public async ValueTask<Decision> VerifyAsync(Presentation presentation, ActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        Decision decision;
        try
        {
            decision = await DecideAsync(presentation, request, now, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Fail closed: an unexpected fault is a deny with its own code, never an allow or an error page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogVerifierFault(_logger, ex.GetType().Name);
            decision = Deny(ReasonCode.VerifierError, request, now);
        }

        // The decision is logged once, by the host that acted on it (DecisionRecorder, events 3001/3002), which knows
        // the resource and audience too; logging it here as well wrote every decision twice.
        return decision;
    }

    private async ValueTask<Decision> DecideAsync(Presentation presentation, ActionRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = presentation.Credential;

        // Size, before any decoding (RFC 8725 §3.4: validate inputs before acting on them).
        if (string.IsNullOrEmpty(token))
        {
            return Deny(ReasonCode.Malformed, request, now);
        }

        if (token.Length > _options.MaxCredentialLength)
        {
            return Deny(ReasonCode.TooLarge, request, now);
        }

        if (!CompactJws.TrySplit(token, out var firstDot, out var secondDot))
        {
            return Deny(ReasonCode.Malformed, request, now);
        }

        if (!_cache.TryGet(token, secondDot, out var verified))
        {
            var (reason, fresh) = await VerifySignedTokenAsync(token, firstDot, secondDot, cancellationToken).ConfigureAwait(false);
            if (reason != ReasonCode.Allowed)
            {
                return Deny(reason, request, now);
            }

            verified = fresh!;
            _cache.Add(token, secondDot, verified, now.ToUnixTimeSeconds());
        }
        else if (await _keys.GetKeyAsync(verified!.Claims.Issuer, verified.KeyId, cancellationToken).ConfigureAwait(false) is null)
        {
            // The key was withdrawn (rotated out or compromised) since the credential was first verified.
            return Deny(ReasonCode.UnknownKey, request, now);
        }

        var claims = verified!.Claims;
        var audience = request.Audience ?? _options.Audience;
        var reasonAfterSignature = CheckClaims(claims, audience, now);
        if (reasonAfterSignature == ReasonCode.Allowed)
        {
            reasonAfterSignature = ScopeEvaluator.Evaluate(claims.AuthorizationDetails, request, audience!, now);
        }

        var pending = default(PendingProof);
        if (reasonAfterSignature == ReasonCode.Allowed && (request.ProofRequired || !string.IsNullOrEmpty(presentation.Proof)))
        {
            reasonAfterSignature = CheckProof(presentation.Proof, verified, request, now, out pending);
        }

        if (reasonAfterSignature == ReasonCode.Allowed)
        {
            reasonAfterSignature = await CheckStatusAsync(claims, cancellationToken).ConfigureAwait(false);
        }

        // Last: only a presentation that passed every other check takes replay memory (a revoked credential's
        // proofs, or an out-of-scope one's, would otherwise let one holder fill it for everyone).
        if (reasonAfterSignature == ReasonCode.Allowed && pending.IsSet)
        {
            reasonAfterSignature = RecordProof(pending);
        }

        return Decide(reasonAfterSignature, claims, request, now);
    }

    /// <summary>Whether <paramref name="credential"/> is remembered as verified (its next presentation skips the signature check); for tests.</summary>
    internal bool Remembers(string credential) =>
        CompactJws.TrySplit(credential, out _, out var secondDot) && _cache.TryGet(credential, secondDot, out _);

    /// <summary>Whether the JOSE header of <paramref name="credential"/> is remembered as checked; for tests.</summary>
    internal bool RemembersHeader(string credential) =>
        credential.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && _credentialHeaders.TryGet(credential.AsSpan(0, dot), out _);

    private ReasonCode CheckClaims(CredentialClaims claims, string? audience, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();

        // RFC 8725 §3.9: the audience is always checked; a verifier without one cannot accept anything.
        if (string.IsNullOrEmpty(audience) || !ScopeMatcher.ContainsExact(claims.Audience, audience))
        {
            return ReasonCode.AudienceMismatch;
        }

        if (claims.NotBefore > seconds + _skewSeconds || claims.IssuedAt > seconds + _skewSeconds)
        {
            return ReasonCode.NotYetValid;
        }

        return claims.Expires <= seconds - _skewSeconds ? ReasonCode.Expired : ReasonCode.Allowed;
    }

    private async ValueTask<ReasonCode> CheckStatusAsync(CredentialClaims claims, CancellationToken cancellationToken)
    {
        if (claims.Status is not { } status)
        {
            return _options.RequireStatus ? ReasonCode.StatusUnavailable : ReasonCode.Allowed;
        }

        return await _status.GetStatusAsync(claims.Issuer, status.StatusList, cancellationToken).ConfigureAwait(false) switch
        {
            CredentialStatus.Valid => ReasonCode.Allowed,
            CredentialStatus.Revoked => ReasonCode.Revoked,
            CredentialStatus.Suspended => ReasonCode.Suspended,
            _ => ReasonCode.StatusUnavailable,
        };
    }

    private static Decision Deny(ReasonCode reason, ActionRequest request, DateTimeOffset now) => new()
    {
        DecisionId = DecisionIds.Next(now),
        DecidedAt = now,
        Reason = reason,
        Action = request.Action,
        Resource = request.Resource,
    };

    private static Decision Decide(ReasonCode reason, CredentialClaims claims, ActionRequest request, DateTimeOffset now) => new()
    {
        DecisionId = DecisionIds.Next(now),
        DecidedAt = now,
        Reason = reason,
        Action = request.Action,
        Resource = request.Resource,
        Issuer = claims.Issuer,
        AgentId = claims.Subject,
        Authoriser = claims.Authoriser,
        CredentialId = claims.CredentialId,
        SessionId = claims.SessionId,
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Expires),
    };

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Verifier fault ({Fault}); the request was denied with verifier_error")]
    private static partial void LogVerifierFault(ILogger logger, string fault);
}
