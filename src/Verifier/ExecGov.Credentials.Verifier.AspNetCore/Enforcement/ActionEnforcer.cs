using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Decides one action for one HTTP request: reads the presented credential and proof from the headers, builds
/// the full <see cref="ActionRequest"/> (method and URL without query for the proof, audience, action, resource,
/// constraint values), verifies, records the decision (log event and shipping), and stores it on the request
/// (<see cref="IExecGovDecisionFeature"/>). The proof is consumed: call this once per request and action. Used by
/// the ExecGov authentication scheme and the MCP tool filter; usable from any other request pipeline.
/// </summary>
public sealed partial class ActionEnforcer
{
    // No proof names this URL, so a request whose own URL cannot be formed is denied proof_invalid.
    private static readonly Uri InvalidTarget = new("https://invalid.invalid/");

    private readonly CredentialVerifier _verifier;
    private readonly DecisionRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _audience;
    private readonly Uri? _origin;
    private readonly bool _allowBearer;

    /// <summary>Creates the enforcer.</summary>
    public ActionEnforcer(
        CredentialVerifier verifier,
        DecisionRecorder recorder,
        IOptions<ActionEnforcementOptions> options,
        IOptions<CredentialVerifierOptions> verifierOptions,
        TimeProvider time,
        ILogger<ActionEnforcer> logger)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(verifierOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _verifier = verifier;
        _recorder = recorder;
        _time = time;
        _logger = logger;
        _audience = options.Value.Audience ?? verifierOptions.Value.Audience;
        _origin = options.Value.PublicOrigin;
        _allowBearer = _audience is not null && options.Value.BearerAudiences.Contains(_audience, StringComparer.Ordinal);
        if (_allowBearer)
        {
            LogBearerEnabled(_logger, _audience!);
        }
    }

    /// <summary>The audience decisions are made for.</summary>
    public string? Audience => _audience;

    /// <summary>Whether <c>Authorization: Bearer</c> without a proof is accepted here (see <see cref="ActionEnforcementOptions.BearerAudiences"/>).</summary>
    public bool AllowsBearer => _allowBearer;

    /// <summary>How <paramref name="request"/> presents a credential, without deciding anything.</summary>
    public PresentationScheme GetPresentationScheme(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PresentationReader.Read(request, _allowBearer).Scheme;
    }

    /// <summary>Verifies the request's presentation for <paramref name="action"/> and <paramref name="values"/>; never throws for bad input.</summary>
    /// <exception cref="ArgumentException">A caller's bug: no action name.</exception>
    public async ValueTask<Decision> EnforceAsync(HttpContext httpContext, string action, ActionValues values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(values);
        var (presentation, scheme) = PresentationReader.Read(httpContext.Request, _allowBearer);
        var request = new ActionRequest
        {
            Action = action,
            Resource = values.Resource,
            Audience = _audience,
            Method = httpContext.Request.Method,
            Target = Target(httpContext.Request),
            Context = values.ToContext(),

            // Only a Bearer presentation (read only for audiences configured for it) goes without a proof.
            ProofRequired = scheme != PresentationScheme.Bearer,
        };
        var decision = await _verifier.VerifyAsync(presentation, request, cancellationToken).ConfigureAwait(false);

        Store(httpContext, decision, scheme);
        return decision;
    }

    /// <summary>
    /// Records a deny decided before verification (an MCP tool with no action mapped, a values reader that
    /// failed), so it is logged and shipped like any other decision. The proof is not consumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="ReasonCode.Allowed"/>.</exception>
    public Decision Deny(HttpContext? httpContext, ReasonCode reason, string action, string? resource)
    {
        if (reason == ReasonCode.Allowed)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), "Deny needs a deny reason.");
        }

        var now = _time.GetUtcNow();
        var decision = new Decision
        {
            DecisionId = Guid.CreateVersion7(now).ToString("N"),
            DecidedAt = now,
            Reason = reason,
            Action = action,
            Resource = resource,
        };
        if (httpContext is null)
        {
            _recorder.Record(decision, _audience);
        }
        else
        {
            Store(httpContext, decision, PresentationReader.Read(httpContext.Request, _allowBearer).Scheme);
        }

        return decision;
    }

    private void Store(HttpContext httpContext, Decision decision, PresentationScheme scheme)
    {
        _recorder.Record(decision, _audience);
        httpContext.Features.Set<IExecGovDecisionFeature>(new DecisionFeature(decision, scheme));
        httpContext.Items[ExecGovCredentialDefaults.DecisionItemKey] = decision;
    }

    private Uri Target(HttpRequest request)
    {
        // htu is scheme, host, port and path (RFC 9449 §4.3); the query never takes part. Concatenated, never
        // resolved as a relative reference: a path such as //other.example/x must not move the authority.
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        var origin = _origin is not null
            ? _origin.GetLeftPart(UriPartial.Authority)
            : string.Concat(request.Scheme, "://", request.Host.ToUriComponent());
        return Uri.TryCreate(origin + path, UriKind.Absolute, out var target) ? target : InvalidTarget;
    }

    [LoggerMessage(EventId = 3010, EventName = "BearerEnabled", Level = LogLevel.Warning,
        Message = "Credentials presented as Bearer without a holder proof are accepted for audience {Audience}: anyone who sees such a credential can use it until it expires")]
    private static partial void LogBearerEnabled(ILogger logger, string audience);
}
