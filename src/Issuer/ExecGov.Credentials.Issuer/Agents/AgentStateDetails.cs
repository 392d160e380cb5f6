namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>The <c>details</c> of a suspension, resumption or decommissioning audit record.</summary>
internal sealed record AgentStateDetails(string Reason, string From, string To);
