namespace ExecGov.Credentials.Issuer.Http;

/// <summary>
/// A JWK as sent in a request. <c>d</c> is read only so that a private key sent by mistake is refused with a
/// clear error instead of an "unknown member" one.
/// </summary>
internal sealed record JwkInput
{
    public required string Kty { get; init; }

    public required string Crv { get; init; }

    public required string X { get; init; }

    public string? Kid { get; init; }

    public string? Use { get; init; }

    public string? Alg { get; init; }

    public string? D { get; init; }
}
