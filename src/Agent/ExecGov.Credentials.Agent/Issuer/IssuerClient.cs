using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Agent.Issuer;

/// <summary>
/// The issuer's agent API (docs/http-api.md): <c>POST /v1/agent/credentials</c>, and for a consequential scope
/// <c>GET /v1/agent/approvals/{id}</c> until a human decides. Every request carries a fresh assertion
/// (<c>Authorization: ExecGov-Assertion …</c>). Issuer answers never throw: they become a <see cref="CredentialResult"/>.
/// </summary>
internal sealed partial class IssuerClient
{
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly AgentKey _key;
    private readonly ExecGovAgentOptions _agent;
    private readonly AgentCredentialOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _credentialsUri;
    private readonly Uri _approvalsBase;

    public IssuerClient(HttpClient http, AgentKey key, ExecGovAgentOptions agent, AgentCredentialOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _key = key;
        _agent = agent;
        _options = options;
        _time = time;
        _logger = logger;

        // Resolve against a base that ends in '/', so a base path such as /issuer is kept.
        var baseAddress = agent.BaseAddress;
        if (!baseAddress.AbsolutePath.EndsWith('/'))
        {
            baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
        }

        _credentialsUri = new Uri(baseAddress, "v1/agent/credentials");
        _approvalsBase = new Uri(baseAddress, "v1/agent/approvals/");
    }

    public async Task<CredentialResult> RequestAsync(CancellationToken cancellationToken)
    {
        var body = new CredentialRequestBody
        {
            Audience = [.. _options.Audience],
            AuthorizationDetails = [.. _options.AuthorizationDetails],
            LifetimeSeconds = _options.Lifetime is { } lifetime ? (long)lifetime.TotalSeconds : null,
            SessionId = _options.SessionId,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _credentialsUri)
        {
            Content = JsonContent.Create(body, AgentJsonContext.Default.CredentialRequestBody),
        };
        var (response, failure) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return failure!;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500)
            {
                return CredentialResult.Failure(AgentCredentialError.IssuerUnavailable, $"The issuer answered HTTP {(int)response.StatusCode}.");
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.Created or HttpStatusCode.OK:
                    return Issued(text);
                case HttpStatusCode.Accepted:
                    if (!TryReadApprovalId(text, out var approvalId))
                    {
                        return CredentialResult.Failure(AgentCredentialError.InvalidResponse, "The issuer answered 202 without an approval_id.");
                    }

                    LogApprovalPending(_logger, approvalId, _agent.AgentId);
                    return await PollAsync(approvalId, RetryAfter(response), cancellationToken).ConfigureAwait(false);
                default:
                    return Refused(response.StatusCode, text);
            }
        }
    }

    private async Task<CredentialResult> PollAsync(string approvalId, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.ApprovalTimeout;
        var uri = new Uri(_approvalsBase, Uri.EscapeDataString(approvalId));
        var delay = Delay(retryAfter);
        while (true)
        {
            if (_time.GetUtcNow() + delay > deadline)
            {
                return CredentialResult.Failure(AgentCredentialError.ApprovalTimedOut,
                    $"Approval {approvalId} was not decided within {_options.ApprovalTimeout}.");
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var (response, failure) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                // The issuer may be restarting: keep asking until the deadline.
                LogPollFailed(_logger, approvalId, failure!.Detail ?? string.Empty);
                delay = Delay(null);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                delay = Delay(RetryAfter(response));
                if ((int)response.StatusCode >= 500)
                {
                    LogPollFailed(_logger, approvalId, $"HTTP {(int)response.StatusCode}");
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Refused(response.StatusCode, text);
                }

                var status = ReadStatus(text);
                switch (status)
                {
                    case "pending":
                        continue;
                    case "denied":
                        return CredentialResult.Failure(AgentCredentialError.ApprovalDenied, $"Approval {approvalId} was denied.");
                    case "expired":
                        return CredentialResult.Failure(AgentCredentialError.ApprovalExpired, $"Approval {approvalId} expired before anyone decided.");
                    default:
                        // "approved", or a bare issued credential: either way the credential must be in the body.
                        return Issued(text);
                }
            }
        }
    }

    private async Task<(HttpResponseMessage? Response, CredentialResult? Failure)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A fresh assertion per request: the issuer refuses a second use of its jti.
        request.Headers.Authorization = new AuthenticationHeaderValue(AssertionScheme.Name, _key.CreateAssertion(_agent.AgentId, _agent.Issuer, _time.GetUtcNow()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, CredentialResult.Failure(AgentCredentialError.IssuerUnavailable, $"The issuer could not be reached ({ex.HttpRequestError})."));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, CredentialResult.Failure(AgentCredentialError.IssuerUnavailable, "The issuer did not answer in time."));
        }
    }

    private CredentialResult Issued(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var result = IssuedCredentialReader.Read(document.RootElement, _agent.AgentId, _key.Thumbprint);
            if (result.IsSuccess)
            {
                LogIssued(_logger, result.Credential.CredentialId, result.Credential.ExpiresAt, result.Credential.Authoriser?.Subject);
            }

            return result;
        }
        catch (JsonException)
        {
            return CredentialResult.Failure(AgentCredentialError.InvalidResponse, "The issuer's answer is not JSON.");
        }
    }

    private static CredentialResult Refused(HttpStatusCode status, string text)
    {
        var (code, detail) = IssuedCredentialReader.ReadProblem(text);
        return CredentialResult.Failure(AgentCredentialError.IssuerRefused, $"The issuer refused the request with HTTP {(int)status}: {detail ?? "no detail"}.", code);
    }

    private static bool TryReadApprovalId(string text, out string approvalId)
    {
        approvalId = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(text);
            approvalId = IssuedCredentialReader.String(document.RootElement, "approval_id") ?? string.Empty;
            return approvalId.Length is > 0 and <= 256;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ReadStatus(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return IssuedCredentialReader.String(document.RootElement, "status");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;

    private TimeSpan Delay(TimeSpan? retryAfter)
    {
        var delay = retryAfter is { } asked && asked > _options.ApprovalPollInterval ? asked : _options.ApprovalPollInterval;
        return delay > MaxPollDelay ? MaxPollDelay : delay;
    }

    [LoggerMessage(EventId = AgentEventIds.CredentialIssued, EventName = "CredentialIssued", Level = LogLevel.Information,
        Message = "Credential {CredentialId} issued, expires {ExpiresAt:O}, authoriser {Authoriser}")]
    private static partial void LogIssued(ILogger logger, string credentialId, DateTimeOffset expiresAt, string? authoriser);

    [LoggerMessage(EventId = AgentEventIds.ApprovalPending, EventName = "ApprovalPending", Level = LogLevel.Information,
        Message = "Credential request for agent {AgentId} waits for a human approver (approval {ApprovalId})")]
    private static partial void LogApprovalPending(ILogger logger, string approvalId, string agentId);

    [LoggerMessage(EventId = AgentEventIds.ApprovalPollFailed, EventName = "ApprovalPollFailed", Level = LogLevel.Warning,
        Message = "Polling approval {ApprovalId} failed ({Cause}); polling again")]
    private static partial void LogPollFailed(ILogger logger, string approvalId, string cause);
}
