using ExecGov.Credentials.Issuer.Policy;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

public sealed class IssuancePolicyOptionsValidatorTests
{
    [Theory]
    [InlineData("payments.release", true)]
    [InlineData("payments.*", true)]
    [InlineData("*", false)]
    [InlineData("pay ments", false)]
    public void Consequential_actions_follow_the_action_grammar(string action, bool valid)
    {
        var options = new IssuancePolicyOptions();
        options.ConsequentialActions.Add(action);
        Assert.Equal(valid, new IssuancePolicyOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void An_approval_rule_for_a_bare_wildcard_is_refused_at_start_up()
    {
        var options = new IssuancePolicyOptions();
        options.ApprovalRules.Add(new ApprovalRule { Action = "*", Approvers = 2 });
        var result = new IssuancePolicyOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("'*'", result.FailureMessage, StringComparison.Ordinal);
    }
}
