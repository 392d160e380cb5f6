using ExecGov.Credentials.Agent.Keys;

namespace ExecGov.Credentials.EndToEnd.Tests;

/// <summary>A registered agent of one test: its id, key file and key, and the standing grant its registration created.</summary>
internal sealed record TestAgent(string Id, string KeyPath, AgentKey Key, string StandingGrantId);
