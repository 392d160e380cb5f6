namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Where one issuer publishes its status, once known: the list URI prefix, and the event stream if any.</summary>
internal sealed record IssuerStatusEndpoints(StatusListUriPrefix Lists, Uri? Events);
