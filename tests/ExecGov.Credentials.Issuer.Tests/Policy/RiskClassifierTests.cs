using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Policy;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

/// <summary>One test per rule of docs/issuer.md, "Which grants wait for approval".</summary>
public sealed class RiskClassifierTests
{
    private const long ShortLife = 300;

    private static RiskClassifier Classifier(Action<IssuancePolicyOptions>? configure = null)
    {
        var options = new IssuancePolicyOptions { AmountThreshold = 1000m };
        options.ConsequentialActions.Add("payments.release");
        options.ConsequentialActions.Add("accounts.*");
        configure?.Invoke(options);
        return new RiskClassifier(Options.Create(options));
    }

    private static AuthorizationDetail Grant(string action, decimal? maxAmount = null, params string[] resources) => new()
    {
        Actions = [action],
        Resources = resources.Length == 0 ? null : resources,
        Constraints = maxAmount is null ? null : new ActionConstraints { MaxAmount = maxAmount, Currency = "EUR" },
    };

    private static void AssertConsequential(bool expected, RiskAssessment assessment) =>
        Assert.True(expected == assessment.IsConsequential, string.Join("; ", assessment.Reasons));

    [Theory]
    [InlineData("payments.release", true)]
    [InlineData("accounts.close", true)]
    [InlineData("invoices.read", false)]
    public void Rule_1_a_listed_action_or_one_in_a_listed_family_is_consequential(string action, bool consequential) =>
        AssertConsequential(consequential, Classifier().Assess([Grant(action, 10m)], ShortLife));

    [Theory]
    [InlineData("payments.*", true)]
    [InlineData("accounts.savings.*", true)]
    [InlineData("invoices.*", false)]
    public void Rule_2_a_family_that_covers_a_listed_action_is_consequential(string pattern, bool consequential) =>
        AssertConsequential(consequential, Classifier().Assess([Grant(pattern, 10m)], ShortLife));

    [Theory]
    [InlineData("payments.refund", null, true)]
    [InlineData("payments.refund", 500.0, false)]
    [InlineData("invoices.read", null, false)]
    public void Rule_3_an_amount_action_without_max_amount_is_unbounded_and_consequential(string action, double? maxAmount, bool consequential) =>
        AssertConsequential(consequential, Classifier().Assess([Grant(action, (decimal?)maxAmount)], ShortLife));

    [Theory]
    [InlineData(1000.0, false)]
    [InlineData(1000.01, true)]
    public void Rule_4_a_max_amount_above_the_threshold_is_consequential(double maxAmount, bool consequential) =>
        AssertConsequential(consequential, Classifier().Assess([Grant("invoices.read", (decimal)maxAmount)], ShortLife));

    [Theory]
    [InlineData("ledger:general", true)]
    [InlineData("ledger:*", true)]
    [InlineData("*", true)]
    [InlineData("invoice:2026-118", false)]
    public void Rule_5_a_listed_resource_or_a_family_covering_one_is_consequential(string resource, bool consequential) =>
        AssertConsequential(consequential, Classifier(o => o.ConsequentialResources.Add("ledger:general")).Assess([Grant("invoices.read", 10m, resource)], ShortLife));

    [Fact]
    public void Rule_5_a_grant_naming_no_resources_covers_the_listed_ones() =>
        AssertConsequential(true, Classifier(o => o.ConsequentialResources.Add("ledger:general")).Assess([Grant("invoices.read", 10m)], ShortLife));

    [Theory]
    [InlineData(1800, false)]
    [InlineData(1801, true)]
    public void Rule_6_a_lifetime_above_the_threshold_is_consequential(long lifetime, bool consequential) =>
        AssertConsequential(consequential, Classifier().Assess([Grant("invoices.read", 10m)], lifetime));

    [Theory]
    [InlineData(10000.0, 1)]
    [InlineData(10000.01, 2)]
    [InlineData(null, 2)]
    public void Approval_rules_raise_the_number_of_approvers_above_their_amount(double? maxAmount, int approvers)
    {
        var classifier = Classifier(o => o.ApprovalRules.Add(new ApprovalRule { Action = "payments.release", AboveAmount = 10000m, Approvers = 2 }));

        var assessment = classifier.Assess([Grant("payments.release", (decimal?)maxAmount)], ShortLife);

        Assert.True(assessment.IsConsequential);
        Assert.Equal(approvers, assessment.RequiredApprovals);
    }
}
