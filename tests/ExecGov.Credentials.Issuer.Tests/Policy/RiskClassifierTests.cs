using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Policy;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

public sealed class RiskClassifierTests
{
    private static RiskClassifier Classifier()
    {
        var options = new IssuancePolicyOptions { AmountThreshold = 1000m };
        options.ConsequentialActions.Add("payments.release");
        options.ConsequentialActions.Add("accounts.*");
        return new RiskClassifier(Options.Create(options));
    }

    [Theory]
    [InlineData("payments.read", null, false)]
    [InlineData("payments.release", null, true)]
    [InlineData("payments.*", null, true)]
    [InlineData("*", null, true)]
    [InlineData("accounts.close", null, true)]
    [InlineData("invoices.read", 1000.0, false)]
    [InlineData("invoices.read", 1000.01, true)]
    public void Consequential_actions_and_amounts_need_approval(string action, double? amount, bool consequential)
    {
        AuthorizationDetail detail = new() { Actions = [action], Constraints = amount is null ? null : new ActionConstraints { MaxAmount = (decimal)amount } };
        var reasons = Classifier().ConsequentialReasons([detail]);
        Assert.True(consequential == reasons.Count > 0, string.Join("; ", reasons));
    }
}
