namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The <c>details</c> of an <c>admin_client_created</c> audit record (never the secret).</summary>
internal sealed record AdminClientCreatedDetails(string ClientId, string DisplayName, string Person, IReadOnlyList<string> Roles, string AuthMethod, string? KeyThumbprint, string? ApprovalId = null);
