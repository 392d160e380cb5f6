using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>
/// The agent registry: registration with a public key, allowed audiences, a scope ceiling and a maximum
/// lifetime; listing; and the life cycle active ⇄ suspended → decommissioned (final), driven by
/// <see cref="AgentLifecycle"/>. Every change is audited in the same transaction. An agent never holds a secret
/// here: only its public key.
/// </summary>
internal sealed class AgentRegistry(IExecGovStore store, AuditLog audit, TimeProvider time, IOptions<IssuerOptions> options)
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 500;
    private const int MaxAudiences = 32;
    private const int MaxListed = 1000;

    public IssuerResult<AgentView> Register(RegisterAgentRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (!Identifiers.IsValid(request.Id))
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidRequest, "id must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }

        if (Text.Invalid(request.DisplayName, MaxNameLength) is { } badName)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidRequest, "display_name " + badName);
        }

        if (Text.Invalid(request.Owner, MaxNameLength) is { } badOwner)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidRequest, "owner " + badOwner);
        }

        if (!PublicKeys.TryRead(request.PublicKey, out var publicKey, out var keyError))
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidAgentKey, keyError);
        }

        if (request.AllowedAudiences.Count is 0 or > MaxAudiences || request.AllowedAudiences.Any(a => !Identifiers.IsValid(a)) ||
            request.AllowedAudiences.Distinct(StringComparer.Ordinal).Count() != request.AllowedAudiences.Count)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidRequest, $"allowed_audiences must list 1-{MaxAudiences} distinct audience ids.");
        }

        if (ScopeShape.Check(request.Ceiling, "ceiling") is { } badCeiling)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.InvalidRequest, badCeiling);
        }

        var hardCap = (long)options.Value.MaxCredentialLifetime.TotalSeconds;
        var maxLifetime = request.MaxLifetimeSeconds ?? (long)options.Value.DefaultCredentialLifetime.TotalSeconds;
        if (maxLifetime < 1 || maxLifetime > hardCap)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.LifetimeExceedsMaximum, $"max_lifetime_seconds must be between 1 and the issuer's hard cap of {hardCap}.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var document = new AgentDocument
        {
            Id = request.Id,
            DisplayName = request.DisplayName,
            Owner = request.Owner,
            PublicKey = Jwk.FromEd25519PublicKey(publicKey).X,
            KeyThumbprint = Jwk.Ed25519Thumbprint(publicKey),
            AllowedAudiences = [.. request.AllowedAudiences],
            CeilingJson = JsonSerializer.Serialize(request.Ceiling.ToList(), CredentialJsonContext.Default.ListAuthorizationDetail),
            MaxLifetimeSeconds = maxLifetime,
            Status = AgentStatus.Active,
            RegisteredBy = caller.Subject,
            RegisteredByName = caller.Name,
            RegisteredByPerson = caller.Person,
            CeilingSetByPerson = caller.Person,
            RegisteredAt = now,
            StandingGrantId = Identifiers.New("grant"),
            UpdatedAt = now,
        };

        return store.Write<AgentView>(() =>
        {
            if (store.Agents.FindById(document.Id) is not null)
            {
                return IssuerResult<AgentView>.Fail(ErrorCode.AgentExists, $"Agent '{document.Id}' is already registered.");
            }

            // One key, one agent, whatever the other agent's state: revoking or suspending an agent must not
            // leave its key working under another registration, and cnf.jkt must name exactly one agent.
            if (store.Agents.FindOne(a => a.KeyThumbprint == document.KeyThumbprint) is { } holder)
            {
                return IssuerResult<AgentView>.Fail(ErrorCode.AgentKeyInUse,
                    $"Agent '{holder.Id}' is already registered with this public key (thumbprint {document.KeyThumbprint}); generate a new key pair for '{document.Id}'.");
            }

            store.Agents.Insert(document);
            audit.Append(new AuditEntry(AuditEventKinds.AgentRegistered, caller.Subject, AgentId: document.Id,
                Details: JsonSerializer.Serialize(new AgentRegisteredDetails(document.DisplayName, document.Owner, document.KeyThumbprint,
                    document.AllowedAudiences, document.MaxLifetimeSeconds, document.StandingGrantId, JsonDocument.Parse(document.CeilingJson).RootElement),
                    IssuerJsonContext.Default.AgentRegisteredDetails)));
            return ToView(document);
        });
    }

    public IReadOnlyList<AgentView> List() =>
        store.Agents.Query().OrderBy(a => a.Id).Limit(MaxListed).ToList().Select(ToView).ToList();

    public IssuerResult<AgentView> Get(string id)
    {
        var agent = Identifiers.IsValid(id) ? store.Agents.FindById(id) : null;
        return agent is null
            ? IssuerResult<AgentView>.Fail(ErrorCode.AgentNotFound, $"No agent '{Text.Clip(id)}'.")
            : ToView(agent);
    }

    /// <summary>
    /// The checks before a suspension, resumption or decommissioning, without side effects: the reason is
    /// acceptable, the agent exists and is not decommissioned (and, to resume it, was not revoked).
    /// </summary>
    public IssuerResult<AgentDocument> CheckStateChange(string id, AgentStatus target, AgentStateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Text.Invalid(request.Reason, MaxReasonLength) is { } badReason)
        {
            return IssuerResult<AgentDocument>.Fail(ErrorCode.InvalidRequest, "reason " + badReason);
        }

        var agent = Identifiers.IsValid(id) ? store.Agents.FindById(id) : null;
        if (agent is null)
        {
            return IssuerResult<AgentDocument>.Fail(ErrorCode.AgentNotFound, $"No agent '{Text.Clip(id)}'.");
        }

        if (agent.Status == AgentStatus.Decommissioned)
        {
            return IssuerResult<AgentDocument>.Fail(ErrorCode.AgentDecommissioned, $"Agent '{id}' is decommissioned.");
        }

        if (target == AgentStatus.Active && agent.RevokedAt is not null)
        {
            return IssuerResult<AgentDocument>.Fail(ErrorCode.AgentRevoked, $"Agent '{id}' was revoked at {DateTimeOffset.FromUnixTimeMilliseconds(agent.RevokedAt.Value):O}.");
        }

        return agent;
    }

    /// <summary>Decommissions an agent (final), audited in the same transaction. Its credentials are revoked first by <see cref="AgentLifecycle"/>.</summary>
    public IssuerResult<AgentView> Decommission(string id, AgentStateRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var checkedAgent = CheckStateChange(id, AgentStatus.Decommissioned, request);
        if (checkedAgent.Failed)
        {
            return checkedAgent.Error;
        }

        return store.Write<AgentView>(() =>
        {
            var agent = store.Agents.FindById(id);
            if (agent is null || agent.Status == AgentStatus.Decommissioned)
            {
                return IssuerResult<AgentView>.Fail(ErrorCode.AgentDecommissioned, $"Agent '{id}' is decommissioned.");
            }

            var previous = agent.Status;
            agent.Status = AgentStatus.Decommissioned;
            agent.UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            store.Agents.Update(agent);
            audit.Append(new AuditEntry(AuditEventKinds.AgentDecommissioned, caller.Subject, AgentId: id,
                Details: JsonSerializer.Serialize(new AgentStateDetails(request.Reason, StatusName(previous), StatusName(AgentStatus.Decommissioned)), IssuerJsonContext.Default.AgentStateDetails)));
            return ToView(agent);
        });
    }

    public static string StatusName(AgentStatus status) => status switch
    {
        AgentStatus.Active => "active",
        AgentStatus.Suspended => "suspended",
        _ => "decommissioned",
    };

    /// <summary>The persons who may not approve this agent's requests: whoever registered it and whoever last set its ceiling.</summary>
    public static IReadOnlyList<string> ResponsiblePersons(AgentDocument agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var registrant = string.IsNullOrEmpty(agent.RegisteredByPerson) ? agent.RegisteredBy : agent.RegisteredByPerson;
        return !string.IsNullOrEmpty(agent.CeilingSetByPerson) && !Admins.Persons.Same(agent.CeilingSetByPerson, registrant) ? [registrant, agent.CeilingSetByPerson] : [registrant];
    }

    public static IReadOnlyList<AuthorizationDetail> Ceiling(AgentDocument agent) =>
        JsonSerializer.Deserialize(agent.CeilingJson, CredentialJsonContext.Default.ListAuthorizationDetail) ?? [];

    internal static AgentView ToView(AgentDocument agent) => new()
    {
        Id = agent.Id,
        DisplayName = agent.DisplayName,
        Owner = agent.Owner,
        PublicKey = new JwkView(EdDsa.KeyType, EdDsa.Curve, agent.PublicKey, agent.KeyThumbprint),
        AllowedAudiences = agent.AllowedAudiences,
        Ceiling = Ceiling(agent),
        MaxLifetimeSeconds = agent.MaxLifetimeSeconds,
        Status = StatusName(agent.Status),
        RegisteredBy = agent.RegisteredBy,
        RegisteredAt = DateTimeOffset.FromUnixTimeMilliseconds(agent.RegisteredAt),
        StandingGrantId = agent.StandingGrantId,
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(agent.UpdatedAt),
        RevokedAt = agent.RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
    };
}
