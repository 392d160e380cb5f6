namespace ExecGov.Credentials.Issuer.Publishing;

/// <summary>The answer of <c>GET /healthz</c>.</summary>
internal sealed record HealthView(string Status, string ActiveKid);
