namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>An admin client of the embedded token server (collection <c>admin_clients</c>); only a hash of its secret is kept.</summary>
internal sealed class AdminClientDocument
{
    public string Id { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public string CreatedBy { get; set; } = string.Empty;

    public long CreatedAt { get; set; }
}
