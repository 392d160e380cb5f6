using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Verification;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// <c>execgov credentials inspect</c>: decodes a credential and checks it locally with the verifier library
/// against the issuer's JWKS (signature, issuer, key, validity window) and its status list entry. A presentation
/// without a holder proof can never be allowed, so the verdict here is "usable": every check that does not need the
/// agent's key passed, and the status is valid.
/// </summary>
internal static class InspectCommand
{
    public static Command Build()
    {
        var source = new Argument<string>("credential") { Description = "A file holding the credential, or - to read it from standard input." };
        var command = new Command("inspect",
            "Decode a credential and verify it locally against the issuer's published keys and status list: claims, signature, validity window and revocation status. Exit 0 when usable, 4 when not.")
            .With(source);
        command.Handle(async (context, cancellationToken) =>
        {
            var token = await CredentialInput.ReadAsync(context.Parse.GetRequiredValue(source), cancellationToken).ConfigureAwait(false);
            var parts = TokenParts.Decode(token);
            var claims = parts.Claims;
            using var local = await LocalVerifier.CreateAsync(context, claims.Audience.Count > 0 ? claims.Audience[0] : "execgov-cli", cancellationToken).ConfigureAwait(false);
            var report = await Progress.RunAsync(context.Output, "Verifying against the issuer's keys and status list…",
                _ => CheckAsync(local, token, claims, context.Time.GetUtcNow(), cancellationToken)).ConfigureAwait(false);
            Write(context, parts, report);
            return report.Usable ? ExitCodes.Ok : ExitCodes.Denied;
        });
        return command;
    }

    private static async Task<InspectReport> CheckAsync(LocalVerifier local, string token, CredentialClaims claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The verifier stops at the first failing check, in the documented order (credential-format.md §4):
        // with no proof presented, a deny for scope, constraints or the missing proof means every earlier check —
        // structure, header, issuer, key, signature, audience, validity window — passed.
        var decision = await local.Verifier.VerifyAsync(new Presentation(token, null), Probe(claims), cancellationToken).ConfigureAwait(false);
        var signatureValid = decision.Reason is ReasonCode.ProofMissing or ReasonCode.ScopeDenied or ReasonCode.ConstraintViolated
            or ReasonCode.Expired or ReasonCode.NotYetValid;
        var validity = !signatureValid ? "unchecked"
            : decision.Reason == ReasonCode.Expired ? "expired"
            : decision.Reason == ReasonCode.NotYetValid ? "not_yet_valid"
            : "valid";

        var status = "unchecked";
        if (signatureValid)
        {
            status = claims.Status is not { } claim
                ? "absent"
                : await local.Status.GetStatusAsync(claims.Issuer, claim.StatusList, cancellationToken).ConfigureAwait(false) switch
                {
                    CredentialStatus.Valid => "valid",
                    CredentialStatus.Revoked => "revoked",
                    CredentialStatus.Suspended => "suspended",
                    _ => "unavailable",
                };
        }

        var reason = !signatureValid ? decision.Reason.ToWireString()
            : validity != "valid" ? validity
            : status switch
            {
                "valid" => null,
                "revoked" => "revoked",
                "suspended" => "suspended",
                _ => "status_unavailable",
            };
        var hint = reason switch
        {
            null => null,
            "issuer_untrusted" => $"the credential names issuer {claims.Issuer}, but --issuer points at {local.IssuerId}",
            "unknown_key" => "its signing key is not (or no longer) published by the issuer: rotated out long ago, or withdrawn as compromised",
            "status_unavailable" when status == "absent" => "it carries no status claim, so verifiers that require status deny it",
            "status_unavailable" => "the issuer's status list could not be fetched and verified",
            _ => ReasonCodes.TryParse(reason, out var code) ? code.Describe() : null,
        };
        return new InspectReport(signatureValid, decision.Reason.ToWireString(), validity, status, reason is null, reason, hint, now);
    }

    /// <summary>An action request the credential's first entry covers, so scope is not what decides.</summary>
    private static ActionRequest Probe(CredentialClaims claims)
    {
        var detail = claims.AuthorizationDetails.Count > 0 ? claims.AuthorizationDetails[0] : null;
        var action = detail?.Actions is { Count: > 0 } actions ? Concrete(actions[0]) : "inspect.only";
        var resource = detail?.Resources is { Count: > 0 } resources ? Concrete(resources[0]) : null;
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { ["amount"] = "0" };
        if (detail?.Constraints?.Currency is { } currency)
        {
            context["currency"] = currency;
        }

        if (detail?.Constraints?.Destinations is { Count: > 0 } destinations)
        {
            context["destination"] = destinations[0];
        }

        return new ActionRequest
        {
            Action = action,
            Resource = resource,
            Audience = claims.Audience.Count > 0 ? claims.Audience[0] : null,
            Method = "GET",
            Target = new Uri("https://inspect.invalid/"),
            Context = context,
        };
    }

    private static string Concrete(string pattern) =>
        pattern == "*" ? "inspect.any" : pattern.EndsWith('*') ? pattern[..^1] + "inspect" : pattern;

    private static void Write(CliContext context, TokenParts parts, InspectReport report)
    {
        var claims = parts.Claims;
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(claims.NotBefore);
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Expires);
        var document = new JsonObject
        {
            ["usable"] = report.Usable,
            ["reason"] = report.Reason,
            ["hint"] = report.Hint,
            ["signature"] = new JsonObject { ["valid"] = report.SignatureValid, ["verifier_reason"] = report.VerifierReason },
            ["validity"] = new JsonObject
            {
                ["state"] = report.Validity,
                ["not_before"] = Times.Iso(notBefore),
                ["expires_at"] = Times.Iso(expires),
                ["seconds_left"] = Math.Max(0, (long)(expires - report.CheckedAt).TotalSeconds),
            },
            ["status"] = new JsonObject
            {
                ["state"] = report.Status,
                ["list"] = claims.Status?.StatusList.Uri,
                ["index"] = claims.Status?.StatusList.Index,
            },
            ["header"] = parts.Header.DeepClone(),
            ["claims"] = parts.Payload.DeepClone(),
        };
        context.Output.Result(document, () =>
        {
            context.Output.Properties($"Credential {claims.CredentialId}",
            [
                ("verdict", report.Usable ? "usable" : $"NOT usable: {report.Reason}{(report.Hint is null ? string.Empty : $" ({report.Hint})")}"),
                ("signature", report.SignatureValid ? $"valid (key {Header(parts, "kid")}, {Header(parts, "alg")})" : $"invalid: {report.VerifierReason}"),
                ("validity", $"{report.Validity}: {Times.Iso(notBefore)} to {Times.Relative(expires, report.CheckedAt)}"),
                ("status", claims.Status is { } s ? $"{report.Status} ({s.StatusList.Uri} #{s.StatusList.Index.ToString(CultureInfo.InvariantCulture)})" : report.Status),
                ("issuer", claims.Issuer),
                ("agent", claims.Subject),
                ("audience", string.Join(", ", claims.Audience)),
                ("session", claims.SessionId),
                ("authoriser", $"{claims.Authoriser.Subject}{(claims.Authoriser.Name is { } n ? $" ({n})" : string.Empty)}{(claims.Authoriser.ApprovalId is { } a ? $", approval {a}" : string.Empty)}"),
                ("issued", Times.FromUnix(claims.IssuedAt)),
                ("holder key", claims.Confirmation.KeyThumbprint),
                ("scope", parts.Payload["authorization_details"]?.ToJsonString()),
            ]);
        });
    }

    private static string? Header(TokenParts parts, string name) => parts.Header[name]?.ToString();

    private sealed record InspectReport(
        bool SignatureValid, string VerifierReason, string Validity, string Status, bool Usable, string? Reason, string? Hint, DateTimeOffset CheckedAt);
}
