namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The bootstrap admin's credentials as written once to <c>{data}/bootstrap-admin.json</c> (mode 0600).</summary>
internal sealed record BootstrapSecretFile(string ClientId, string ClientSecret, string TokenEndpoint, IReadOnlyList<string> Roles);
