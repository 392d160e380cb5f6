namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Which grants are consequential and wait for a human approver (section <c>Issuer:Policy</c>); everything
/// else within an agent's ceiling is low-risk and issued at once.
/// </summary>
public sealed class IssuancePolicyOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Issuer:Policy";

    /// <summary>
    /// Actions that always need approval; a trailing <c>.*</c> names a family (<c>payments.*</c>), and a
    /// requested family that could cover one of them needs approval too. Default: none.
    /// </summary>
    public IList<string> ConsequentialActions { get; } = [];

    /// <summary>
    /// A grant whose <c>max_amount</c> exceeds this needs approval. Default 1000; null turns the amount
    /// rule off.
    /// </summary>
    public decimal? AmountThreshold { get; set; } = 1000m;
}
