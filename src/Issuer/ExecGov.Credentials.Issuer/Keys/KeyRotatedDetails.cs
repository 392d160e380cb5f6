namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>The <c>details</c> of a <c>key_rotated</c> audit record.</summary>
internal sealed record KeyRotatedDetails(string NewKid, string? RetiredKid, DateTimeOffset? RetiredKeyVerifyUntil);
