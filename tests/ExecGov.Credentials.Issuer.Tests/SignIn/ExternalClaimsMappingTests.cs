using System.Security.Claims;
using ExecGov.Credentials.Issuer.SignIn;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Tests.SignIn;

public sealed class ExternalClaimsMappingTests
{
    [Fact]
    public async Task External_roles_map_through_the_role_map_and_unmapped_values_grant_nothing()
    {
        var options = new AdminAuthenticationOptions { Authority = "https://login.example", Audience = "api://execgov", SubjectClaimType = "oid" };
        options.RoleMap["ExecGov.Approvers"] = "approver";
        var external = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("oid", "u-42"), new Claim("name", "Ines"), new Claim("roles", "ExecGov.Approvers"), new Claim("roles", "admin"), new Claim("role", "admin")], "Bearer"));

        var mapped = await new ExternalClaimsMapping(Options.Create(options)).TransformAsync(external);

        Assert.Equal("u-42", mapped.FindFirst("sub")!.Value);
        Assert.True(mapped.IsInRole("approver"));
        Assert.False(mapped.IsInRole("admin"));
    }

    [Fact]
    public async Task External_subjects_and_names_with_control_characters_are_not_taken_into_the_audit_trail()
    {
        var options = new AdminAuthenticationOptions { Authority = "https://login.example", Audience = "api://execgov", SubjectClaimType = "oid" };
        var external = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("oid", "u-42\n"), new Claim("name", "Ines\u001b[2J"), new Claim("roles", "approver")], "Bearer"));

        var mapped = await new ExternalClaimsMapping(Options.Create(options)).TransformAsync(external);

        Assert.Null(mapped.FindFirst(AdminClaimTypes.Subject));
        Assert.Null(mapped.FindFirst(AdminClaimTypes.Person));
        Assert.Null(mapped.FindFirst(AdminClaimTypes.Name));
    }

    [Fact]
    public void External_provider_without_audience_fails_validation()
    {
        var result = new AdminAuthenticationOptionsValidator().Validate(null, new AdminAuthenticationOptions { Authority = "https://login.example" });
        Assert.True(result.Failed);
    }
}
