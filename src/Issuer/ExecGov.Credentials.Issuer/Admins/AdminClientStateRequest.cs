namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The body of <c>POST /v1/admin-clients/{id}/disable</c> and <c>/enable</c>.</summary>
internal sealed record AdminClientStateRequest
{
    public required string Reason { get; init; }
}
