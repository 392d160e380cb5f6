using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.SignIn;
using Microsoft.AspNetCore.Authorization;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>The authorization policies of the admin API: each names the roles that may call an endpoint.</summary>
internal static class IssuerPolicies
{
    public const string Admin = "execgov:admin";
    public const string AgentReaders = "execgov:agent-readers";
    public const string AgentState = "execgov:agent-state";
    public const string ApprovalReaders = "execgov:approval-readers";
    public const string Approver = "execgov:approver";
    public const string KeyReaders = "execgov:key-readers";
    public const string Auditor = "execgov:auditor";
    public const string Verifier = "execgov:verifier";
    public const string Responder = "execgov:responder";

    /// <summary>Every admin call needs a signed-in caller with a subject: it is recorded as actor and authoriser.</summary>
    public static AuthorizationPolicyBuilder Caller(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(AdminClaimTypes.Subject);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Admin, p => Caller(p).RequireRole(AdminRoles.Admin));
        options.AddPolicy(AgentReaders, p => Caller(p).RequireRole(AdminRoles.Admin, AdminRoles.Responder, AdminRoles.Auditor));
        options.AddPolicy(AgentState, p => Caller(p).RequireRole(AdminRoles.Admin, AdminRoles.Responder));
        options.AddPolicy(ApprovalReaders, p => Caller(p).RequireRole(AdminRoles.Approver, AdminRoles.Admin, AdminRoles.Auditor));
        options.AddPolicy(Approver, p => Caller(p).RequireRole(AdminRoles.Approver));
        options.AddPolicy(KeyReaders, p => Caller(p).RequireRole(AdminRoles.Admin, AdminRoles.Auditor));
        options.AddPolicy(Auditor, p => Caller(p).RequireRole(AdminRoles.Auditor));
        options.AddPolicy(Verifier, p => Caller(p).RequireRole(AdminRoles.Verifier));
        options.AddPolicy(Responder, p => Caller(p).RequireRole(AdminRoles.Responder));
    }
}
