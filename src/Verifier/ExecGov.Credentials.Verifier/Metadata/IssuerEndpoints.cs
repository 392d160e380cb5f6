namespace ExecGov.Credentials.Verifier.Metadata;

/// <summary>
/// Where an issuer publishes its keys and status, after explicit settings and its metadata document were
/// combined (explicit settings win). Every URI is absolute and https, or http on loopback.
/// </summary>
internal sealed record IssuerEndpoints(Uri? JwksUri, Uri? StatusListBase, Uri? StatusEventsUri);
