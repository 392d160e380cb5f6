using System.Security.Claims;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>The principal of an allowed request: who acted and who authorised it.</summary>
internal static class DecisionPrincipal
{
    public static ClaimsPrincipal Create(Decision decision, string authenticationType)
    {
        var claims = new List<Claim>(10);
        Add(claims, ExecGovClaimTypes.Agent, decision.AgentId);
        Add(claims, ExecGovClaimTypes.Authoriser, decision.Authoriser?.Subject);
        Add(claims, ExecGovClaimTypes.AuthoriserName, decision.Authoriser?.Name);
        Add(claims, ExecGovClaimTypes.ApprovalId, decision.Authoriser?.ApprovalId);
        Add(claims, ExecGovClaimTypes.CredentialId, decision.CredentialId);
        Add(claims, ExecGovClaimTypes.SessionId, decision.SessionId);
        Add(claims, ExecGovClaimTypes.Issuer, decision.Issuer);
        Add(claims, ExecGovClaimTypes.DecisionId, decision.DecisionId);
        Add(claims, ExecGovClaimTypes.Action, decision.Action);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ExecGovClaimTypes.Agent, roleType: null));
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value, ClaimValueTypes.String, "ExecGov"));
        }
    }
}
