using ExecGov.Credentials.Issuer.Issuance;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>An admin-client change: applied at once (<see cref="Client"/>), or waiting for approvers (<see cref="Pending"/>).</summary>
internal sealed record AdminClientOutcome(AdminClientView? Client, PendingApprovalView? Pending);
