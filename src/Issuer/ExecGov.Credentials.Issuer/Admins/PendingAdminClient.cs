namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// An admin-client change that grants the <c>approver</c> role and so waits for approvers: a new client
/// (<see cref="Change"/> <c>create</c>) or new roles for an existing one (<c>roles</c>). Stored with the approval
/// request and applied, unchanged, when the last required approver approves.
/// </summary>
internal sealed record PendingAdminClient(string Change, string ClientId, string DisplayName, string Person, IReadOnlyList<string> Roles, string? PublicKey)
{
    public const string Create = "create";
    public const string RoleChange = "roles";
}
