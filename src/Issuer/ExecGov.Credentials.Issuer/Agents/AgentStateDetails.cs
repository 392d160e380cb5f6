namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>
/// The <c>details</c> of a suspension, resumption or decommissioning audit record; <paramref name="ActId"/> names
/// the revocation act that made the change (absent for a decommissioning).
/// </summary>
internal sealed record AgentStateDetails(string Reason, string From, string To, long? ActId = null);
