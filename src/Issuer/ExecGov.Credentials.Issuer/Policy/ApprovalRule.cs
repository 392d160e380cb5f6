namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>An entry of <see cref="IssuancePolicyOptions.ApprovalRules"/>: grants of <see cref="Action"/> (above <see cref="AboveAmount"/>) need <see cref="Approvers"/> approvers.</summary>
public sealed class ApprovalRule
{
    /// <summary>An action or family (<c>payments.release</c>, <c>payments.*</c>); a requested pattern that could cover it matches too.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The rule applies only to grants whose <c>max_amount</c> exceeds this, or that have none. Default null: every grant of the action.</summary>
    public decimal? AboveAmount { get; set; }

    /// <summary>The number of approvers, distinct persons; 1-10.</summary>
    public int Approvers { get; set; } = 2;
}
