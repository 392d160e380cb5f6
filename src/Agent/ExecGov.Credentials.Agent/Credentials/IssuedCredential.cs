using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Agent.Credentials;

/// <summary>
/// A credential the issuer granted this agent. <see cref="Credential"/> is the token itself: it is useless
/// without the agent key, but still never printed (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed record IssuedCredential
{
    /// <summary>The credential, a compact JWS (<c>execgov-credential+jwt</c>).</summary>
    public required string Credential { get; init; }

    /// <summary>The credential id (<c>jti</c>).</summary>
    public required string CredentialId { get; init; }

    /// <summary>The session id (<c>sid</c>), when known.</summary>
    public string? SessionId { get; init; }

    /// <summary>When it was issued (<c>iat</c>).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When it expires (<c>exp</c>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The human who granted it, as the issuer reported.</summary>
    public Authoriser? Authoriser { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"IssuedCredential(id={CredentialId}, session={SessionId}, expires={ExpiresAt:O}, authoriser={Authoriser?.Subject})";
}
