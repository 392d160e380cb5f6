namespace ExecGov.Credentials.Store;

/// <summary>The readiness probe's one document (collection <c>health</c>): rewritten to prove the store still takes writes.</summary>
internal sealed class HealthProbeDocument
{
    public int Id { get; set; }

    /// <summary>Unix milliseconds of the last probe write.</summary>
    public long At { get; set; }
}
