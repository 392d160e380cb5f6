namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The <c>details</c> of an <c>admin_client_roles_changed</c>, <c>admin_client_disabled</c> or <c>admin_client_enabled</c> audit record.</summary>
internal sealed record AdminClientChangedDetails(string ClientId, string Person, IReadOnlyList<string> Roles, string? Reason, string? ApprovalId);
