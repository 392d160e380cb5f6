namespace ExecGov.Credentials.Issuer.SelfService;

/// <summary>The <c>details</c> of an <c>agent_authentication_failed</c> audit record: the validator's reason.</summary>
internal sealed record AgentAuthenticationFailedDetails(string Reason);
