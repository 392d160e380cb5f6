namespace ExecGov.Credentials.Store;

/// <summary>Where an agent is in its life. Decommissioned is final.</summary>
internal enum AgentStatus
{
    Active,
    Suspended,
    Decommissioned,
}
