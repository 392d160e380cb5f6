namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Which grants are consequential and wait for human approvers (section <c>Issuer:Policy</c>), and how many
/// approvers they need; everything else within an agent's ceiling is low-risk and issued at once. The rules are
/// listed in docs/issuer.md ("Which grants wait for approval").
/// </summary>
public sealed class IssuancePolicyOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Issuer:Policy";

    /// <summary>The actions that move value when <see cref="AmountActions"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultAmountActions { get; } = ["payments.release", "payments.refund", "payments.transfer"];

    /// <summary>
    /// Actions that always need approval; a trailing <c>.*</c> names a family (<c>payments.*</c>), and a
    /// requested family that could cover one of them needs approval too; a bare <c>*</c> is refused. Default: none.
    /// </summary>
    public IList<string> ConsequentialActions { get; } = [];

    /// <summary>
    /// Actions that move value, so a grant of them without <c>max_amount</c> is unbounded and needs approval
    /// (as does a family covering one). Default (when not configured): <c>payments.release</c>,
    /// <c>payments.refund</c>, <c>payments.transfer</c>.
    /// </summary>
    public IList<string>? AmountActions { get; set; }

    /// <summary>
    /// Resources that always need approval: exact, or a <c>prefix*</c> family; a requested family that could cover
    /// one, or a grant naming no resources at all, needs approval too. Default: none.
    /// </summary>
    public IList<string> ConsequentialResources { get; } = [];

    /// <summary>
    /// A grant whose <c>max_amount</c> exceeds this needs approval, and so does a grant of an amount action
    /// without one. Default 1000; null turns both amount rules off.
    /// </summary>
    public decimal? AmountThreshold { get; set; } = 1000m;

    /// <summary>A credential living longer than this needs approval. Default 30 minutes; null turns the rule off.</summary>
    public TimeSpan? LifetimeThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How many approvers (distinct persons, none of them the requester or the agent's registrant) a
    /// consequential request needs when no <see cref="ApprovalRules"/> entry asks for more. Default 1; at most 10.
    /// </summary>
    public int RequiredApprovers { get; set; } = 1;

    /// <summary>
    /// Rules that need more approvers, e.g. <c>{ "Action": "payments.release", "AboveAmount": 10000, "Approvers": 2 }</c>.
    /// The largest count of the rules a request matches applies. Default: none.
    /// </summary>
    public IList<ApprovalRule> ApprovalRules { get; } = [];

    /// <summary>The amount actions in force.</summary>
    internal IReadOnlyList<string> EffectiveAmountActions => AmountActions is { Count: > 0 } configured ? [.. configured] : DefaultAmountActions;
}
