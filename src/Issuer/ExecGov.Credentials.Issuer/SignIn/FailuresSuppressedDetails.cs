namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>The <c>details</c> of a <c>failures_suppressed</c> audit record: how many failures of a kind were counted but not written one by one.</summary>
internal sealed record FailuresSuppressedDetails(string Kind, long Count, DateTimeOffset From, DateTimeOffset To);
