namespace ExecGov.Credentials.Verifier.Endpoint.Status;

/// <summary>
/// Optional: a status source that can say whether its lists are fresh. <c>/healthz</c> reports not-ready when the
/// registered <see cref="Verifier.Status.ICredentialStatusSource"/> implements this and answers stale.
/// </summary>
public interface IStatusFreshness
{
    /// <summary>The source's freshness now.</summary>
    StatusFreshness GetFreshness();
}
