using System.Net;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Issue 16 item 3 on the real host: a responder disables an admin client, which is refused at once.</summary>
public sealed class ContainmentTests(PeopleFixture fixture) : IClassFixture<PeopleFixture>
{
    private IssuerHost Host => fixture.Host;

    [Fact]
    public async Task A_disabled_client_is_refused_on_its_next_request_with_its_still_valid_token_and_works_again_once_enabled()
    {
        var mallory = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "mallory-c1", "mallory", ["admin"]);
        await Host.SendJsonAsync(HttpMethod.Get, "/v1/agents", mallory, null, HttpStatusCode.OK);

        var disabled = await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients/mallory-c1/disable", fixture.ResponderToken, new { reason = "INC-9: token leaked" }, HttpStatusCode.OK);
        Assert.Equal("disabled", disabled["state"]!.GetValue<string>());

        using (var refused = await Host.SendAsync(HttpMethod.Get, "/v1/agents", mallory))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var secret = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients/mallory-c1/enable", mallory, new { reason = "let me back" });
        Assert.Equal(HttpStatusCode.Unauthorized, secret.StatusCode);
        secret.Dispose();

        await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients/mallory-c1/enable", fixture.ResponderToken, new { reason = "INC-9 closed" }, HttpStatusCode.OK);
        await Host.SendJsonAsync(HttpMethod.Get, "/v1/agents", mallory, null, HttpStatusCode.OK);

        var kinds = (await fixture.AuditRecordsAsync("admin_client_disabled")).Concat(await fixture.AuditRecordsAsync("admin_client_enabled"))
            .Where(r => r["details"]!["client_id"]!.GetValue<string>() == "mallory-c1").Select(r => r["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["admin_client_disabled", "admin_client_enabled"], kinds);
    }

    [Fact]
    public async Task Only_a_responder_disables_and_an_admin_cannot()
    {
        await Host.CreateClientAndSignInAsync(fixture.AdminToken, "victim-c2", "victor", ["auditor"]);
        using var byAdmin = await Host.SendAsync(HttpMethod.Post, "/v1/admin-clients/victim-c2/disable", await Host.CreateClientAndSignInAsync(fixture.AdminToken, "admin-c2", "alice", ["admin"]), new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
    }

    [Fact]
    public async Task A_client_created_by_a_disabled_client_is_refused_too_even_with_every_role_it_could_give()
    {
        var mallory = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "mallory-c3", "mallory3", ["admin"]);
        var backdoor = await Host.CreateClientAndSignInAsync(mallory, "backdoor-c3", "nobody", ["admin", "responder", "auditor", "verifier"]);
        await Host.SendJsonAsync(HttpMethod.Get, "/v1/agents", backdoor, null, HttpStatusCode.OK);

        await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients/mallory-c3/disable", fixture.ResponderToken, new { reason = "INC-10" }, HttpStatusCode.OK);

        using var refused = await Host.SendAsync(HttpMethod.Get, "/v1/agents", backdoor);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Revoking_an_authoriser_disables_every_client_of_that_person()
    {
        var first = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "mallory-c4a", "mallory4", ["admin"]);
        var second = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "mallory-c4b", "Mallory4", ["auditor"]);

        await Host.SendJsonAsync(HttpMethod.Post, "/v1/revocations", fixture.ResponderToken,
            new { scope = "authoriser", target = "mallory-c4a", action = "revoke", reason = "INC-11: account taken over" }, HttpStatusCode.OK);

        foreach (var token in new[] { first, second })
        {
            // The issuer records the act after the revocation store committed it; poll with a deadline.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            HttpStatusCode status;
            do
            {
                using var response = await Host.SendAsync(HttpMethod.Get, "/v1/agents", token);
                status = response.StatusCode;
            }
            while (status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));

            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }

        var clients = await Host.SendJsonAsync(HttpMethod.Get, "/v1/admin-clients", fixture.AdminToken, null, HttpStatusCode.OK);
        Assert.All(clients.AsArray().Where(c => c!["person"]!.GetValue<string>().Equals("mallory4", StringComparison.OrdinalIgnoreCase)),
            c => Assert.Equal("disabled", c!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_role_removed_is_gone_from_the_clients_next_request()
    {
        var token = await Host.CreateClientAndSignInAsync(fixture.AdminToken, "auditor-c5", "ade5", ["auditor", "responder"]);
        await Host.SendJsonAsync(HttpMethod.Get, "/v1/audit/records?limit=1", token, null, HttpStatusCode.OK);

        await Host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients/auditor-c5/roles", fixture.AdminToken, new { roles = new[] { "responder" } }, HttpStatusCode.OK);

        using var refused = await Host.SendAsync(HttpMethod.Get, "/v1/audit/records?limit=1", token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(await fixture.AuditRecordsAsync("admin_client_roles_changed"), r => r["details"]!["client_id"]!.GetValue<string>() == "auditor-c5");
    }
}
