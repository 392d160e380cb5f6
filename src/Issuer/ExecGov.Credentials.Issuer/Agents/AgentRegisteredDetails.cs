using System.Text.Json;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>The <c>details</c> of an <c>agent_registered</c> audit record.</summary>
internal sealed record AgentRegisteredDetails(
    string DisplayName,
    string Owner,
    string KeyThumbprint,
    IReadOnlyList<string> AllowedAudiences,
    long MaxLifetimeSeconds,
    string StandingGrantId,
    JsonElement Ceiling);
