using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Revocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Revocations;

/// <summary>
/// Hosts the revocation feature (src/Revocation) inside the issuer on embedded defaults: its state in the issuer's
/// one database, its public base the issuer's public base, and the issuer's part of each act (status lists signed
/// with the active credential key, acts recorded in the hash-chained audit trail and the agent registry inside the
/// act's transaction, unknown targets refused, compromised keys withdrawn from the keyset). Every default can be
/// overridden in the <c>Revocation</c> configuration section (docs/issuer.md).
/// </summary>
internal static class RevocationHosting
{
    public static void AddIssuerRevocation(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before AddRevocation, whose own defaults are TryAdd: these win, and a host may still
        // replace any of them by registering its own first.
        services.TryAddSingleton<RevocationActRecorder>();
        services.TryAddSingleton<KnownRevocationTargets>();
        services.TryAddSingleton(sp =>
        {
            var recorder = sp.GetRequiredService<RevocationActRecorder>();
            var targets = sp.GetRequiredService<KnownRevocationTargets>();
            return new HostActPart(targets.IsKnown, recorder.Record);
        });
        services.TryAddSingleton<IStatusListSigningKeyProvider, ActiveKeyProvider>();
        services.TryAddSingleton<ISigningKeyCompromiseHandler, KeyCompromiseHandler>();
        services.AddRevocation(configuration);
        services.AddOptions<RevocationOptions>().PostConfigure<IOptions<IssuerOptions>>((revocation, issuer) =>
        {
            // Validation (RevocationOptionsValidator) runs after this, on the values actually used. The store is the
            // issuer's (registered by AddIssuer), so Revocation:DatabasePath plays no part here.

            // Verifier clients that present a token with the verifier role keep event-stream places no anonymous
            // subscriber can take.
            revocation.ReservedSubscriberPolicy ??= IssuerPolicies.Verifier;

            if (revocation.PublicBaseUri is null && Uri.TryCreate(IssuerUris.PublicBase(issuer.Value), UriKind.Absolute, out var publicBase))
            {
                revocation.PublicBaseUri = publicBase;
            }
        });
    }
}
