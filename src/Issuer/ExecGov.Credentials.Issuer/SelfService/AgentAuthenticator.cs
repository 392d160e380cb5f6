using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Issuer.Assertions;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.SignIn;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Issuer.SelfService;

/// <summary>
/// Authenticates an agent on the self-service API from <c>Authorization: ExecGov-Assertion &lt;jwt&gt;</c>: the
/// assertion must verify with the agent's registered key (Shared's <see cref="AgentAssertionValidator"/>) and
/// its <c>jti</c> must be new. The <c>jti</c> is committed before the request proceeds, so a replay is refused
/// even across a restart. Failures are audited and all answer the same <c>invalid_assertion</c> to the caller,
/// except a replay.
/// </summary>
internal sealed class AgentAuthenticator(IExecGovStore store, AnonymousFailureLimiter failures, TimeProvider time, IOptions<IssuerOptions> options, ILogger<AgentAuthenticator> logger)
{
    public const string Scheme = "ExecGov-Assertion";

    public IssuerResult<AgentDocument> Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(null, "missing", $"Send 'Authorization: {Scheme} <assertion>'.");
        }

        var assertion = header[(Scheme.Length + 1)..].Trim();
        if (!AgentAssertionValidator.TryReadAgentId(assertion, out var claimedAgent, out _) || !Identifiers.IsValid(claimedAgent))
        {
            return Refuse(null, AgentAssertionError.Malformed.ToString(), null);
        }

        var agent = store.Agents.FindById(claimedAgent);
        if (agent is null)
        {
            return Refuse(null, "unknown_agent", null);
        }

        var now = time.GetUtcNow();
        var result = AgentAssertionValidator.Validate(
            assertion, agent.Id, new Ed25519SecurityKey(Base64Url.DecodeFromChars(agent.PublicKey)), options.Value.IssuerId, now, options.Value.ClockSkew);

        if (!result.IsValid)
        {
            return Refuse(agent.Id, result.Error.ToString(), null);
        }

        var replayKey = agent.Id + " " + result.Claims!.Id;
        var remembered = store.Write<bool>(() =>
        {
            if (store.UsedAssertions.FindById(replayKey) is not null)
            {
                return IssuerResult<bool>.Fail(ErrorCode.AssertionReplayed);
            }

            var nowMs = now.ToUnixTimeMilliseconds();
            store.UsedAssertions.DeleteMany(a => a.ExpiresAt < nowMs);
            store.UsedAssertions.Insert(new UsedAssertionDocument { Id = replayKey, ExpiresAt = result.RememberIdUntil!.Value.ToUnixTimeMilliseconds() });
            return true;
        });
        if (remembered.Failed)
        {
            Audit(agent.Id, "replayed");
            IssuerLog.AgentAssertionRefused(logger, agent.Id, "replayed");
            return IssuerResult<AgentDocument>.Fail(ErrorCode.AssertionReplayed, "This assertion's jti was already used.");
        }

        return agent;
    }

    private IssuerResult<AgentDocument> Refuse(string? agentId, string reason, string? detail)
    {
        Audit(agentId, reason);
        IssuerLog.AgentAssertionRefused(logger, LogText.Escape(agentId) ?? "(unknown)", LogText.Escape(reason)!);

        // One answer for every cause, so the response does not tell a prober which agent ids exist.
        return IssuerResult<AgentDocument>.Fail(ErrorCode.InvalidAssertion, detail);
    }

    // Unauthenticated: anyone can cause these, so they are audited at a bounded rate.
    private void Audit(string? agentId, string reason) =>
        failures.Record(AuditEventKinds.AgentAuthenticationFailed,
            JsonSerializer.Serialize(new AgentAuthenticationFailedDetails(reason), IssuerJsonContext.Default.AgentAuthenticationFailedDetails),
            agentId is null ? "anonymous" : "agent:" + agentId, agentId);
}
