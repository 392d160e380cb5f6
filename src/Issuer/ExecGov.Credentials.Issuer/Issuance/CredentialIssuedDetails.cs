using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>The <c>details</c> of a <c>credential_issued</c> audit record: everything a trace needs, never the token.</summary>
internal sealed record CredentialIssuedDetails(
    IReadOnlyList<string> Audience,
    IReadOnlyList<AuthorizationDetail> AuthorizationDetails,
    long IssuedAt,
    long ExpiresAt,
    long LifetimeSeconds,
    string KeyId,
    Authoriser Authoriser,
    string RequestedBy,
    StatusListReference? Status);
