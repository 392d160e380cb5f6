using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation;

/// <summary>Refuses unsafe or incomplete revocation settings at start-up, saying how to fix them.</summary>
internal sealed class RevocationOptionsValidator : IValidateOptions<RevocationOptions>
{
    public ValidateOptionsResult Validate(string? name, RevocationOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUri is not { IsAbsoluteUri: true } uri)
        {
            failures.Add("Revocation:PublicBaseUri is required and must be absolute (e.g. https://issuer.example).");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            failures.Add("Revocation:PublicBaseUri must use https (plain http is accepted only for loopback).");
        }

        if (options.ListSize is < 8 or > 8_388_608 || options.ListSize % 4 != 0)
        {
            failures.Add("Revocation:ListSize must be a multiple of 4 between 8 and 8388608 (default 131072).");
        }

        if (options.TimeToLive < TimeSpan.FromSeconds(1) || options.TimeToLive > TimeSpan.FromHours(1))
        {
            failures.Add("Revocation:TimeToLive must be between 1 second and 1 hour (default 30 s).");
        }

        if (options.TokenLifetime < options.TimeToLive * 2)
        {
            failures.Add("Revocation:TokenLifetime must be at least twice TimeToLive, so a verifier always has a valid token between polls.");
        }

        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.HeartbeatInterval > TimeSpan.FromSeconds(30))
        {
            failures.Add("Revocation:HeartbeatInterval must be between 100 ms and 30 s (default 5 s); verifiers count it toward their staleness limit.");
        }

        if (options.MaxEventSubscribers is < 1 or > 100_000)
        {
            failures.Add("Revocation:MaxEventSubscribers must be between 1 and 100000 (default 1000).");
        }

        if (options.MaxEventSubscribersPerAddress is < 1 or > 100_000)
        {
            failures.Add("Revocation:MaxEventSubscribersPerAddress must be between 1 and 100000 (default 16).");
        }

        if (options.ReservedSubscriberPolicy is not null &&
            (string.IsNullOrWhiteSpace(options.ReservedSubscriberPolicy) || options.ReservedEventSubscribers < 0 || options.ReservedEventSubscribers >= options.MaxEventSubscribers))
        {
            failures.Add("Revocation:ReservedEventSubscribers must be at least 0 and less than Revocation:MaxEventSubscribers (default 100 of 1000), and Revocation:ReservedSubscriberPolicy must name an authorization policy.");
        }

        if (options.EventRetention is < 1_000 or > 10_000_000)
        {
            failures.Add("Revocation:EventRetention must be between 1000 and 10000000 (default 100000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
