namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>The body of suspend, resume and decommission: why.</summary>
internal sealed record AgentStateRequest
{
    public required string Reason { get; init; }
}
