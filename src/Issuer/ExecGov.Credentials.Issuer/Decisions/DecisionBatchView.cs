namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary>The answer of <c>POST /v1/decisions</c>: how many records were new, and how many were already recorded.</summary>
internal sealed record DecisionBatchView(int Accepted, int Duplicates);
