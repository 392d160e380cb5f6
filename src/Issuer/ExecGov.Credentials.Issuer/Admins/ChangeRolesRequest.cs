namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The body of <c>POST /v1/admin-clients/{id}/roles</c>: the client's complete new role list.</summary>
internal sealed record ChangeRolesRequest
{
    public required IReadOnlyList<string> Roles { get; init; }
}
