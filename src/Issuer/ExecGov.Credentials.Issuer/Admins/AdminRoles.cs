namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The admin roles, carried as <c>role</c> claims in admin access tokens.</summary>
public static class AdminRoles
{
    /// <summary>Registers agents, issues credentials, manages admin clients and keys.</summary>
    public const string Admin = "admin";

    /// <summary>Approves or denies consequential requests.</summary>
    public const string Approver = "approver";

    /// <summary>Suspends and resumes agents, and revokes credentials.</summary>
    public const string Responder = "responder";

    /// <summary>Reads the audit trail and traces; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>A verifier that ships its decision records to the audit trail.</summary>
    public const string Verifier = "verifier";

    /// <summary>Every role, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Approver, Responder, Auditor, Verifier];

    /// <summary>The bootstrap admin's roles: everything but approving (and shipping decisions).</summary>
    public static IReadOnlyList<string> Bootstrap { get; } = [Admin, Responder, Auditor];

    /// <summary>Null when one client may hold <paramref name="roles"/> together; otherwise why not.</summary>
    internal static string? Conflict(IEnumerable<string> roles) =>
        roles.Contains(Admin, StringComparer.Ordinal) && roles.Contains(Approver, StringComparer.Ordinal)
            ? "roles must not hold both admin and approver: whoever requests must not also approve. Create a separate client for the approver, acting for another person."
            : null;
}
