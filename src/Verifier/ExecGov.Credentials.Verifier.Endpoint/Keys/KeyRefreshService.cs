using ExecGov.Credentials.Verifier.Keys;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Endpoint.Keys;

/// <summary>
/// Reads every trusted issuer's JWKS at start-up and keeps it current: an issuer whose keys are missing is retried
/// every <see cref="CredentialVerifierOptions.JwksMinimumRefreshInterval"/>, the others are refreshed every
/// <see cref="CredentialVerifierOptions.JwksRefreshInterval"/>. So <c>/healthz</c> reflects real readiness and the
/// first verification does not pay for the JWKS fetch.
/// </summary>
internal sealed class KeyRefreshService(IIssuerKeySource keys, IOptions<CredentialVerifierOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (keys is not JwksIssuerKeySource jwks)
        {
            return;
        }

        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.JwksMinimumRefreshInterval, time);
        try
        {
            do
            {
                var now = time.GetUtcNow();
                foreach (var issuer in settings.Issuers)
                {
                    var state = jwks.GetKeySetState(issuer.Issuer);
                    if (state is null || state.KeyCount == 0 || state.LoadedAt is not { } loaded || now - loaded >= settings.JwksRefreshInterval)
                    {
                        await jwks.RefreshAsync(issuer.Issuer, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
