namespace ExecGov.Credentials.Store;

/// <summary>The stored state of an approval request; expiry is computed from the clock, not stored.</summary>
internal enum ApprovalStatus
{
    Pending,
    Approved,
    Denied,
    Collected,
}
