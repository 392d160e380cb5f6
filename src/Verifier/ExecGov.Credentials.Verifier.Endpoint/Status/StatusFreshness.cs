namespace ExecGov.Credentials.Verifier.Endpoint.Status;

/// <summary>How fresh a status source is.</summary>
/// <param name="IsFresh">True when every list it serves is within its freshness bound.</param>
/// <param name="OldestFetchedAt">When its oldest list was fetched, if it has any.</param>
/// <param name="Detail">One sentence for operators.</param>
public sealed record StatusFreshness(bool IsFresh, DateTimeOffset? OldestFetchedAt, string Detail);
