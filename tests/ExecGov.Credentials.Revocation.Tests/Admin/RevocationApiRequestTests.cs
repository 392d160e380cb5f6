using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Revocation.Admin;

namespace ExecGov.Credentials.Revocation.Tests.Admin;

public sealed class RevocationApiRequestTests
{
    public static TheoryData<string?, string?, string?, string?, string> Refused => new()
    {
        { null, "agent-1", "revoke", "why", "unknown_scope" },
        { "Agent", "agent-1", "revoke", "why", "unknown_scope" },
        { "everything", "agent-1", "revoke", "why", "unknown_scope" },
        { "agent", "agent-1", null, "why", "unknown_action" },
        { "agent", "agent-1", "delete", "why", "unknown_action" },
        { "agent", null, "revoke", "why", "empty_target" },
        { "agent", "  ", "revoke", "why", "empty_target" },
        { "agent", new string('a', 257), "revoke", "why", "invalid_target" },
        { "agent", "agent\n1", "revoke", "why", "invalid_target" },
        { "agent", "agent-1", "revoke", null, "missing_reason" },
        { "agent", "agent-1", "revoke", " ", "missing_reason" },
        { "agent", "agent-1", "revoke", new string('r', 1_025), "invalid_reason" },
        { "agent", "agent-1", "revoke", "bell\u0007", "invalid_reason" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void TryValidate_refuses_with_a_stable_code(string? scope, string? target, string? action, string? reason, string code)
    {
        var input = new RevocationApiRequest { Scope = scope, Target = target, Action = action, Reason = reason };

        Assert.False(input.TryValidate("responder", out var request, out var problem));

        Assert.Null(request);
        Assert.Equal(code, ErrorCatalogue.Code(problem.Code));
        Assert.Equal(400, ErrorCatalogue.Status(problem.Code));
    }

    [Theory]
    [InlineData("credential", RevocationScope.Credential, "revoke", RevocationAction.Revoke)]
    [InlineData("session", RevocationScope.Session, "suspend", RevocationAction.Suspend)]
    [InlineData("agent", RevocationScope.Agent, "unsuspend", RevocationAction.Unsuspend)]
    [InlineData("authoriser", RevocationScope.Authoriser, "revoke", RevocationAction.Revoke)]
    [InlineData("signing_key", RevocationScope.SigningKey, "revoke", RevocationAction.Revoke)]
    [InlineData("holder_key", RevocationScope.HolderKey, "revoke", RevocationAction.Revoke)]
    public void TryValidate_maps_every_wire_name(string scope, RevocationScope expectedScope, string action, RevocationAction expectedAction)
    {
        var input = new RevocationApiRequest { Scope = scope, Target = "t-1", Action = action, Reason = "multi-line\nreason" };

        Assert.True(input.TryValidate("responder-1", out var request, out _));

        Assert.Equal(new RevocationRequest { Scope = expectedScope, Target = "t-1", Action = expectedAction, Responder = "responder-1", Reason = "multi-line\nreason" }, request);
    }
}
