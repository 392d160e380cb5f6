using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Decides one action for one HTTP request: reads the presented credential and proof from the headers, builds
/// the full <see cref="ActionRequest"/> (method, URL without query, audience, action, resource, context), verifies,
/// records the decision, and stores it on the request (<see cref="IExecGovDecisionFeature"/>, <see cref="HttpContext.Items"/>
/// and, for an allow, <see cref="HttpContext.User"/>). The proof is consumed: call this once per request.
/// </summary>
public sealed class ActionEnforcer
{
    private readonly CredentialVerifier _verifier;
    private readonly DecisionRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly string? _audience;
    private readonly Uri? _origin;

    /// <summary>Creates the enforcer.</summary>
    public ActionEnforcer(CredentialVerifier verifier, DecisionRecorder recorder, IOptions<ActionEnforcementOptions> options, IOptions<CredentialVerifierOptions> verifierOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(verifierOptions);
        ArgumentNullException.ThrowIfNull(time);
        _verifier = verifier;
        _recorder = recorder;
        _time = time;
        _audience = options.Value.Audience ?? verifierOptions.Value.Audience;
        _origin = options.Value.PublicOrigin;
    }

    /// <summary>Verifies the request's presentation for <paramref name="action"/>; never throws for bad input.</summary>
    /// <exception cref="ArgumentException">A caller's bug: no action name.</exception>
    public async ValueTask<Decision> EnforceAsync(HttpContext httpContext, string action, string? resource, IReadOnlyDictionary<string, string>? context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentException.ThrowIfNullOrEmpty(action);
        var (presentation, presented) = PresentationReader.Read(httpContext.Request);
        var request = new ActionRequest
        {
            Action = action,
            Resource = resource,
            Audience = _audience,
            Method = httpContext.Request.Method,
            Target = Target(httpContext.Request),
            Context = context,
        };
        var decision = await _verifier.VerifyAsync(presentation, request, cancellationToken).ConfigureAwait(false);
        Store(httpContext, decision, presented);
        return decision;
    }

    /// <summary>
    /// Records a deny decided before verification (for example an MCP tool with no action mapped), so it is
    /// logged and shipped like any other decision. The proof is not consumed.
    /// </summary>
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
            Store(httpContext, decision, presented: httpContext.Request.Headers.Authorization.Count > 0);
        }

        return decision;
    }

    private void Store(HttpContext httpContext, Decision decision, bool presented)
    {
        _recorder.Record(decision, _audience);
        httpContext.Features.Set<IExecGovDecisionFeature>(new DecisionFeature(decision, presented));
        httpContext.Items[ExecGovCredentialDefaults.DecisionItemKey] = decision;
        if (decision.IsAllowed)
        {
            httpContext.User = DecisionPrincipal.Create(decision, ExecGovCredentialDefaults.AuthenticationScheme);
        }
    }

    private Uri Target(HttpRequest request)
    {
        // htu is scheme, host, port and path (RFC 9449 §4.3); the query never takes part.
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        if (_origin is not null)
        {
            return new Uri(_origin, path);
        }

        return new Uri(string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), path));
    }
}
