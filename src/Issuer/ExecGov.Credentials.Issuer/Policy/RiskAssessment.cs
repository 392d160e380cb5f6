namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>The classifier's verdict: why a request is consequential (empty when low-risk) and how many approvers it needs.</summary>
internal sealed record RiskAssessment(IReadOnlyList<string> Reasons, int RequiredApprovals)
{
    public bool IsConsequential => Reasons.Count > 0;
}
