using ExecGov.Credentials.Issuer.Hosting;

namespace ExecGov.Credentials.Issuer.Tests.Hosting;

public sealed class IssuerOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new IssuerOptionsValidator().Validate(null, new IssuerOptions()).Succeeded);

    public static TheoryData<string, Action<IssuerOptions>> Unsafe => new()
    {
        { "http issuer off loopback", o => o.IssuerId = "http://issuer.example" },
        { "relative issuer", o => o.IssuerId = "issuer" },
        { "lifetime cap above a day", o => o.MaxCredentialLifetime = TimeSpan.FromHours(25) },
        { "default above the cap", o => o.DefaultCredentialLifetime = TimeSpan.FromHours(2) },
        { "assertions living long", o => o.MaxAssertionLifetime = TimeSpan.FromMinutes(11) },
        { "huge skew", o => o.ClockSkew = TimeSpan.FromMinutes(6) },
        { "long admin tokens", o => o.AdminTokenLifetime = TimeSpan.FromHours(2) },
        { "bad bootstrap id", o => o.BootstrapClientId = "boot strap" },
        { "no rate limit", o => o.TokenRequestsPerMinute = 0 },
        { "http public base off loopback", o => o.PublicBaseUri = "http://issuer.example" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Unsafe_settings_fail_at_start_up_with_a_fix(string why, Action<IssuerOptions> change)
    {
        var options = new IssuerOptions();
        change(options);
        var result = new IssuerOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, why);
        Assert.Contains("Issuer:", result.FailureMessage, StringComparison.Ordinal);
    }
}
