using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>A request for a credential, from an admin or from the agent itself.</summary>
/// <param name="AgentId">The agent the credential is for.</param>
/// <param name="Audience">The target services.</param>
/// <param name="AuthorizationDetails">What it should allow.</param>
/// <param name="LifetimeSeconds">How long it should live; null for the default.</param>
/// <param name="SessionId">The session it belongs to; null for a new one.</param>
/// <param name="RequestedBy">The requester's subject: an admin subject, or <c>agent:{id}</c>.</param>
/// <param name="RequestedByName">The requester's display name, if known.</param>
/// <param name="RequestedByPerson">The requester's person (four-eyes compares it): an admin client's person, or <c>agent:{id}</c>.</param>
/// <param name="SelfService">True when the agent asked for itself (low-risk grants then fall under its standing grant).</param>
internal sealed record IssuanceCommand(
    string AgentId,
    IReadOnlyList<string> Audience,
    IReadOnlyList<AuthorizationDetail> AuthorizationDetails,
    long? LifetimeSeconds,
    string? SessionId,
    string RequestedBy,
    string? RequestedByName,
    string RequestedByPerson,
    bool SelfService);
