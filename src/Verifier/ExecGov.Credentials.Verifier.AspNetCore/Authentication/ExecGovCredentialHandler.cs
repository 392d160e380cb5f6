using System.Text.Encodings.Web;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// The ExecGov DPoP authentication scheme.
/// </summary>
/// <remarks>
/// Why not JwtBearer: JwtBearer validates a token on its own, before the endpoint is known, and answers with its
/// own error strings. An ExecGov credential means nothing without the action: the decision needs the action,
/// resource and constraint values (amount, destination) the handler is about to use, the holder proof (RFC 9449:
/// <c>htm</c>, <c>htu</c>, <c>ath</c>, <c>jti</c> replay — which JwtBearer cannot check), and the revocation status;
/// the proof may be consumed only once. So the decision is made once, by <see cref="ActionEnforcer"/> in the
/// <c>RequireAction</c> endpoint filter, and this handler turns it into the principal, the 401/403 challenge
/// with the reason code, and the problem+json body. An endpoint that declares no action never authenticates a
/// credential: a credential grants actions, not sessions.
/// </remarks>
public sealed class ExecGovCredentialHandler : AuthenticationHandler<ExecGovCredentialOptions>
{
    /// <summary>Creates the handler.</summary>
    public ExecGovCredentialHandler(IOptionsMonitor<ExecGovCredentialOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var feature = Context.Features.Get<IExecGovDecisionFeature>();
        if (feature is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!feature.Decision.IsAllowed)
        {
            return Task.FromResult(AuthenticateResult.Fail(feature.Decision.Reason.ToWireString()));
        }

        var principal = DecisionPrincipal.Create(feature.Decision, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        DenialResponse.WriteAsync(Context, Context.Features.Get<IExecGovDecisionFeature>());

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        DenialResponse.WriteAsync(Context, Context.Features.Get<IExecGovDecisionFeature>());
}
