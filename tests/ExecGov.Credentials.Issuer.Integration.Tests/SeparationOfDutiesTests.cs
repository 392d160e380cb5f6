using ExecGov.Credentials.Signing.Crypto;
using System.Net;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Issue 16 item 1 on the real host: persons, four-eyes by person, approver grants, N approvers.</summary>
public sealed class SeparationOfDutiesTests(PeopleFixture fixture) : IClassFixture<PeopleFixture>
{
    private IssuerHost Host => fixture.Host;

    [Fact]
    public async Task The_bootstrap_admin_cannot_approve_and_the_bootstrap_approver_is_another_person()
    {
        var clients = await Host.SendJsonAsync(HttpMethod.Get, "/v1/admin-clients", fixture.AdminToken, null, HttpStatusCode.OK);
        var admin = clients.AsArray().Single(c => c!["client_id"]!.GetValue<string>() == "bootstrap-admin")!;
        var approver = clients.AsArray().Single(c => c!["client_id"]!.GetValue<string>() == IssuerHost.BootstrapApproverId)!;

        Assert.Equal(["admin", "responder", "auditor"], admin["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["approver"], approver["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("bootstrap-admin", admin["person"]!.GetValue<string>());
        Assert.Equal("ines", approver["person"]!.GetValue<string>());

        var agent = await fixture.RegisterAgentAsync(fixture.AdminToken);
        var approvalId = await fixture.RequestReleaseAsync(fixture.AdminToken, agent, 250m);
        using var self = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.AdminToken, new { reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
    }

    [Theory]
    [InlineData("agent:payments-bot")]
    [InlineData("AGENT:payments-bot")]
    [InlineData("oidc:idp-1")]
    [InlineData("issuer")]
    [InlineData("anonymous")]
    public async Task Reserved_subjects_are_refused_as_admin_client_ids(string clientId)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = clientId, display_name = "x", person = "mallory", roles = new[] { "auditor" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reserved", (await Problems.ReadAsync(response)).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" mallory")]
    [InlineData("mallory\n")]
    [InlineData("mal lory")]
    public async Task A_client_must_name_a_well_formed_person(string? person)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = $"c-{Guid.NewGuid():N}", display_name = "x", person, roles = new[] { "auditor" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task No_client_holds_admin_and_approver_at_creation_or_by_a_role_change()
    {
        using var both = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = "mallory-both", display_name = "Mallory", person = "mallory", roles = new[] { "admin", "approver" }, public_key = PeopleFixture.Jwk(Ed25519SigningKey.Generate()) });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal("roles_conflict", (await Problems.ReadAsync(both)).Code);

        await Host.CreateClientAndSignInAsync(fixture.AdminToken, "mallory-admin", "mallory", ["admin"]);
        using var change = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients/mallory-admin/roles", fixture.AdminToken, new { roles = new[] { "admin", "approver" } });
        Assert.Equal("roles_conflict", (await Problems.ReadAsync(change)).Code);
    }

    [Fact]
    public async Task An_admin_cannot_make_itself_an_approver_granting_the_role_waits_for_another_persons_approval()
    {
        // The issue's attack: an admin creates a client with the approver role. Secret-based: refused outright
        // (its creator would hold the secret); key-based: only a pending request, which the admin cannot approve.
        using var withSecret = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = "sneaky-approver", display_name = "x", person = "someone-else", roles = new[] { "approver" } });
        Assert.Equal(HttpStatusCode.BadRequest, withSecret.StatusCode);

        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = "approver-omar", display_name = "Omar", person = "omar", roles = new[] { "approver" }, public_key = PeopleFixture.Jwk(Ed25519SigningKey.Generate()) },
            HttpStatusCode.Accepted);
        var approvalId = pending["approval_id"]!.GetValue<string>();
        var listed = await Host.SendJsonAsync(HttpMethod.Get, "/v1/admin-clients", fixture.AdminToken, null, HttpStatusCode.OK);
        Assert.DoesNotContain(listed.AsArray(), c => c!["client_id"]!.GetValue<string>() == "approver-omar");

        using var byAdmin = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.AdminToken);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);

        var approved = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.InesToken, new { reason = "vetted" }, HttpStatusCode.OK);
        Assert.Equal("admin_client", approved["kind"]!.GetValue<string>());
        Assert.Equal("collected", approved["status"]!.GetValue<string>());
        var after = await Host.SendJsonAsync(HttpMethod.Get, "/v1/admin-clients", fixture.AdminToken, null, HttpStatusCode.OK);
        var omar = after.AsArray().Single(c => c!["client_id"]!.GetValue<string>() == "approver-omar")!;
        Assert.Equal("private_key_jwt", omar["auth_method"]!.GetValue<string>());
        Assert.Contains(await fixture.AuditRecordsAsync("admin_client_created"), r => r["details"]!["client_id"]!.GetValue<string>() == "approver-omar" && r["approval_id"] is not null);
    }

    [Fact]
    public async Task The_person_an_approver_grant_is_for_cannot_approve_it_with_another_client()
    {
        var petra = await fixture.CreateApproverAsync("approver-petra", "petra");
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients", fixture.AdminToken,
            new { client_id = "approver-petra-2", display_name = "Petra again", person = "Petra", roles = new[] { "approver" }, public_key = PeopleFixture.Jwk(Ed25519SigningKey.Generate()) },
            HttpStatusCode.Accepted);

        using var own = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{pending["approval_id"]!.GetValue<string>()}/approve", petra);

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("approver_not_independent", (await Problems.ReadAsync(own)).Code);
    }

    [Fact]
    public async Task Four_eyes_compares_persons_not_client_ids_case_insensitively()
    {
        // Ada is an admin with one client and, through a proper approval, an approver with another.
        var adaAdmin = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "ada-admin", "ada.lovelace", ["admin"]);
        var adaApprover = await fixture.CreateApproverAsync("ada-approver", "Ada.Lovelace");
        var agent = await fixture.RegisterAgentAsync(fixture.AdminToken);
        var approvalId = await fixture.RequestReleaseAsync(adaAdmin, agent, 250m);

        using var self = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", adaApprover, new { reason = "fine" });

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("self_approval_forbidden", (await Problems.ReadAsync(self)).Code);
        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.InesToken, new { reason = "checked" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_admin_who_registered_an_agent_cannot_approve_its_self_service_requests()
    {
        var rita = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "rita-admin", "rita", ["admin"]);
        var ritaApprover = await fixture.CreateApproverAsync("rita-approver", "rita");
        var agent = await fixture.RegisterAgentAsync(rita);
        var pending = await Host.SendJsonAsync(HttpMethod.Post, "/v1/agent/credentials", null,
            new { audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReleaseScope(300m) }, HttpStatusCode.Accepted, agent.AssertionHeader());
        var approvalId = pending["approval_id"]!.GetValue<string>();

        using var byRegistrant = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", ritaApprover, new { reason = "my agent" });

        Assert.Equal(HttpStatusCode.Forbidden, byRegistrant.StatusCode);
        Assert.Equal("approver_not_independent", (await Problems.ReadAsync(byRegistrant)).Code);
        var approved = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.InesToken, new { reason = "checked" }, HttpStatusCode.OK);
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_release_above_the_rule_amount_needs_two_distinct_approvers_and_shows_its_progress()
    {
        var omar = await fixture.CreateApproverAsync("approver-quinn", "quinn");
        var agent = await fixture.RegisterAgentAsync(fixture.AdminToken);
        var approvalId = await fixture.RequestReleaseAsync(fixture.AdminToken, agent, 4500m);

        var first = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.InesToken, new { reason = "first look" }, HttpStatusCode.OK);
        Assert.Equal("pending", first["status"]!.GetValue<string>());
        Assert.Equal(2, first["required_approvals"]!.GetValue<int>());
        Assert.Single(first["approvals"]!.AsArray());

        using var again = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", fixture.InesToken, new { reason = "me again" });
        Assert.Equal("approver_not_independent", (await Problems.ReadAsync(again)).Code);
        using var early = await Host.SendAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken);
        Assert.Equal("approval_not_approved", (await Problems.ReadAsync(early)).Code);

        var second = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/approve", omar, new { reason = "second look" }, HttpStatusCode.OK);
        Assert.Equal("approved", second["status"]!.GetValue<string>());
        Assert.Equal(["ines", "quinn"], second["approvals"]!.AsArray().Select(a => a!["person"]!.GetValue<string>()));
        await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{approvalId}/collect", fixture.AdminToken, null, HttpStatusCode.Created);

        // Below the rule's amount, one approver is enough.
        var small = await fixture.RequestReleaseAsync(fixture.AdminToken, agent, 250m);
        var one = await Host.SendJsonAsync(HttpMethod.Post, $"/v1/approvals/{small}/approve", fixture.InesToken, new { reason = "ok" }, HttpStatusCode.OK);
        Assert.Equal("approved", one["status"]!.GetValue<string>());
    }
}
