using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>Refuses unsafe or inconsistent <see cref="IssuerOptions"/> at start-up, saying how to fix them.</summary>
internal sealed class IssuerOptionsValidator : IValidateOptions<IssuerOptions>
{
    public ValidateOptionsResult Validate(string? name, IssuerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.IssuerId, UriKind.Absolute, out var issuer) ||
            (issuer.Scheme != Uri.UriSchemeHttps && !(issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback)))
        {
            failures.Add("Issuer:IssuerId must be an absolute https URI (http only on loopback), e.g. https://issuer.example.com.");
        }

        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add("Issuer:DataPath must name a folder for the database and generated keys.");
        }

        if (options.MaxCredentialLifetime <= TimeSpan.Zero || options.MaxCredentialLifetime > TimeSpan.FromHours(24))
        {
            failures.Add("Issuer:MaxCredentialLifetime must be positive and at most 24:00:00; credentials are meant to be short-lived.");
        }

        if (options.DefaultCredentialLifetime <= TimeSpan.Zero || options.DefaultCredentialLifetime > options.MaxCredentialLifetime)
        {
            failures.Add("Issuer:DefaultCredentialLifetime must be positive and no more than Issuer:MaxCredentialLifetime.");
        }

        if (options.ApprovalTimeToLive < TimeSpan.FromMinutes(1) || options.ApprovalTimeToLive > TimeSpan.FromDays(7))
        {
            failures.Add("Issuer:ApprovalTimeToLive must be between 00:01:00 and 7.00:00:00.");
        }

        if (options.MaxAssertionLifetime <= TimeSpan.Zero || options.MaxAssertionLifetime > TimeSpan.FromMinutes(10))
        {
            failures.Add("Issuer:MaxAssertionLifetime must be positive and at most 00:10:00 (replay memory grows with it).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("Issuer:ClockSkew must be between 0 and 00:05:00.");
        }

        if (options.AdminTokenLifetime <= TimeSpan.Zero || options.AdminTokenLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("Issuer:AdminTokenLifetime must be positive and at most 01:00:00.");
        }

        if (!Identifiers.IsValid(options.BootstrapClientId) || Admins.Persons.IsReservedClientId(options.BootstrapClientId))
        {
            failures.Add("Issuer:BootstrapClientId must be 1-128 characters of letters, digits, '.', '_', ':' or '-', and not a reserved subject.");
        }

        if (!Identifiers.IsValid(options.BootstrapApproverClientId) || Admins.Persons.IsReservedClientId(options.BootstrapApproverClientId) ||
            string.Equals(options.BootstrapApproverClientId, options.BootstrapClientId, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Issuer:BootstrapApproverClientId must be a valid client id other than Issuer:BootstrapClientId.");
        }

        if (!Admins.Persons.IsValid(options.BootstrapPerson) || !Admins.Persons.IsValid(options.BootstrapApproverPerson) ||
            Admins.Persons.Same(options.BootstrapPerson, options.BootstrapApproverPerson))
        {
            failures.Add("Issuer:BootstrapPerson and Issuer:BootstrapApproverPerson must be two different people (compared case-insensitively): the bootstrap approver exists so that a second person approves.");
        }

        if (options.AnonymousFailureWindow < TimeSpan.FromSeconds(1) || options.AnonymousFailureWindow > TimeSpan.FromHours(1))
        {
            failures.Add("Issuer:AnonymousFailureWindow must be between 00:00:01 and 01:00:00.");
        }

        if (options.PublicBaseUri is { } publicBase &&
            (!Uri.TryCreate(publicBase, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && !(baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback))))
        {
            failures.Add("Issuer:PublicBaseUri must be an absolute https URI (http only on loopback) when set.");
        }

        if (options.TokenRequestsPerMinute is < 1 or > 100_000)
        {
            failures.Add("Issuer:TokenRequestsPerMinute must be between 1 and 100000.");
        }

        if (options.AgentRequestsPerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Issuer:AgentRequestsPerMinute must be between 1 and 1000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
