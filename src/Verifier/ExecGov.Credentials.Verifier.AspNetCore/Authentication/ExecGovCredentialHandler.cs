using System.Text.Encodings.Web;
using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// The ExecGov authentication scheme: <c>Authorization: DPoP &lt;credential&gt;</c> with a <c>DPoP</c> proof (and
/// <c>Bearer</c> only for configured low-risk audiences), decided for the action the endpoint declares.
/// </summary>
/// <remarks>
/// Why not JwtBearer: JwtBearer validates a token on its own and answers with its own error strings. An ExecGov
/// credential means nothing without the action: the decision needs the action, resource and constraint values
/// the handler is about to use, the holder proof (RFC 9449 <c>htm</c>, <c>htu</c>, <c>ath</c>, <c>jti</c> replay), and the
/// revocation status; and the proof may be consumed only once. So this handler reads the endpoint's
/// <see cref="RequireActionAttribute"/>, reads the values (route, query, buffered body) before model binding, and
/// lets <see cref="ActionEnforcer"/> decide once per request (authentication results are cached per request).
/// An endpoint that declares no action never authenticates a credential: a credential grants actions, not sessions.
/// </remarks>
public sealed partial class ExecGovCredentialHandler : AuthenticationHandler<ExecGovCredentialOptions>
{
    private readonly ActionEnforcer _enforcer;
    private readonly ActionEnforcementOptions _enforcement;

    /// <summary>Creates the handler.</summary>
    public ExecGovCredentialHandler(
        IOptionsMonitor<ExecGovCredentialOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        ActionEnforcer enforcer,
        IOptions<ActionEnforcementOptions> enforcement)
        : base(options, logger, encoder)
    {
        ArgumentNullException.ThrowIfNull(enforcer);
        ArgumentNullException.ThrowIfNull(enforcement);
        _enforcer = enforcer;
        _enforcement = enforcement.Value;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Features.Get<IExecGovDecisionFeature>() is { } decided)
        {
            return Result(decided.Decision);
        }

        var declared = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequireActionAttribute>();
        if (declared is not { Count: > 0 })
        {
            return AuthenticateResult.NoResult();
        }

        if (declared.Count > 1)
        {
            // One endpoint performs one action; two declarations (say on a controller and its action) are a bug.
            LogAmbiguousAction(Logger, Context.GetEndpoint()?.DisplayName);
            return Result(_enforcer.Deny(Context, ReasonCode.VerifierError, declared[^1].Action, resource: null));
        }

        var action = declared[0];

        // Without a credential nothing is read from the body: an anonymous caller gets no buffering from us.
        var values = ActionValues.None;
        if (_enforcer.GetPresentationScheme(Request) != PresentationScheme.None)
        {
            var (read, failed) = await ReadValuesAsync(action).ConfigureAwait(false);
            if (failed)
            {
                return Result(_enforcer.Deny(Context, ReasonCode.VerifierError, action.Action, resource: null));
            }

            values = read;
        }

        return Result(await _enforcer.EnforceAsync(Context, action.Action, values, Context.RequestAborted).ConfigureAwait(false));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        DenialResponse.WriteAsync(Context, Context.Features.Get<IExecGovDecisionFeature>(), _enforcer.AllowsBearer);

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        DenialResponse.WriteAsync(Context, Context.Features.Get<IExecGovDecisionFeature>(), _enforcer.AllowsBearer);

    private AuthenticateResult Result(Decision decision) => decision.IsAllowed
        ? AuthenticateResult.Success(new AuthenticationTicket(DecisionPrincipal.Create(decision, Scheme.Name), Scheme.Name))
        : AuthenticateResult.Fail(decision.Reason.ToWireString());

    private async Task<(ActionValues Values, bool Failed)> ReadValuesAsync(RequireActionAttribute action)
    {
        var context = new ActionRequestContext(Context, action.Action, _enforcement.MaxBodyBytes);
        try
        {
            if (action.Reader is { } reader)
            {
                return (await reader(context).ConfigureAwait(false) ?? ActionValues.None, false);
            }

            if (action.Values is { } type)
            {
                var instance = (IActionValuesReader)ActivatorUtilities.CreateInstance(Context.RequestServices, type);
                return (await instance.ReadAsync(context).ConfigureAwait(false) ?? ActionValues.None, false);
            }

            return (ActionValues.None, false);
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Fail closed: a values reader that throws (bad input or a bug) is a deny, never an error page or an allow.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogValuesReaderFault(Logger, LogText.Escape(action.Action), ex.GetType().Name);
            return (ActionValues.None, true);
        }
    }

    [LoggerMessage(EventId = 3020, EventName = "AmbiguousAction", Level = LogLevel.Error,
        Message = "Endpoint {Endpoint} declares more than one ExecGov action; every call is denied with verifier_error until it declares one")]
    private static partial void LogAmbiguousAction(ILogger logger, string? endpoint);

    [LoggerMessage(EventId = 3021, EventName = "ValuesReaderFault", Level = LogLevel.Error,
        Message = "Reading the values of action {Action} failed ({Fault}); the request was denied with verifier_error")]
    private static partial void LogValuesReaderFault(ILogger logger, string action, string fault);
}
