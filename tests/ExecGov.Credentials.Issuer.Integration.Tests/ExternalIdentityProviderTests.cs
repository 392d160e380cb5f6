using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// The admin API behind an external OpenID Connect provider: a stand-in provider (discovery document and
/// JWKS on loopback) issues the tokens, JwtBearer validates them, and the configured claims map to roles.
/// </summary>
public sealed class ExternalIdentityProviderTests : IAsyncLifetime
{
    private const string Audience = "api://execgov-issuer";
    private readonly ECDsa _idpKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private WebApplication _idp = null!;
    private string _authority = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _idp = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_idpKey) { KeyId = "idp-1" });
        _idp.MapGet("/.well-known/openid-configuration", () => Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["jwks_uri"] = _authority + "/keys",
        }), "application/json"));
        _idp.MapGet("/keys", () => Results.Text(JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig", alg = "ES256" } } }), "application/json"));
        await _idp.StartAsync();
        _authority = _idp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        await _idp.DisposeAsync();
        _idpKey.Dispose();
    }

    [Fact]
    public async Task External_tokens_are_accepted_with_mapped_roles_and_the_embedded_token_server_is_off()
    {
        await using var host = await IssuerHost.StartAsync(extraArgs:
        [
            $"--Issuer:AdminAuthentication:Authority={_authority}",
            $"--Issuer:AdminAuthentication:Audience={Audience}",
            "--Issuer:AdminAuthentication:RequireHttpsMetadata=false",
            "--Issuer:AdminAuthentication:SubjectClaimType=oid",
            "--Issuer:AdminAuthentication:RoleMap:ExecGov.Admins=admin",
            "--Issuer:AdminAuthentication:RoleMap:ExecGov.Auditors=auditor",
        ]);

        Assert.False(File.Exists(Path.Combine(host.DataPath, "bootstrap-admin.json")));
        using (var token = await host.RequestTokenAsync("bootstrap-admin", "anything"))
        {
            // No token endpoint: like any unknown route, it answers 401 to a caller without a token.
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
            Assert.Equal("unauthorized", (await Problems.ReadAsync(token)).Code);
        }

        var admin = Token("u-100", "Ada Admin", "ExecGov.Admins");
        var agent = new TestAgents(seed: 5005).Next();
        var registered = await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        Assert.Equal("u-100", registered["registered_by"]!.GetValue<string>());

        // A role value the map does not know grants nothing, even if it looks like a role name.
        using (var unmapped = await host.SendAsync(HttpMethod.Get, "/v1/agents", Token("u-200", "Mallory", "admin")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unmapped.StatusCode);
        }

        using (var wrongAudience = await host.SendAsync(HttpMethod.Get, "/v1/agents", Token("u-100", "Ada Admin", "ExecGov.Admins", audience: "api://other")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        }

        var auditor = Token("u-300", "Ade Auditor", "ExecGov.Auditors");
        await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", auditor, null, HttpStatusCode.OK);
    }

    private string Token(string subject, string name, string role, string audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _authority,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["oid"] = subject, ["name"] = name, ["roles"] = new[] { role } },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_idpKey) { KeyId = "idp-1" }, SecurityAlgorithms.EcdsaSha256),
        });
}
