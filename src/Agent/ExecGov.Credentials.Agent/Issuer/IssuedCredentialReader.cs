using System.Globalization;
using System.Text.Json;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Jose;

namespace ExecGov.Credentials.Agent.Issuer;

/// <summary>
/// Reads the issuer's answers. Lenient about what it may ignore (extra members, the credential nested under
/// <c>credential</c> or flat), strict about what matters: the token must be bound to this agent's key and name
/// this agent, and its <c>exp</c> comes from the token itself, since that is what verifiers check.
/// </summary>
internal static class IssuedCredentialReader
{
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>Reads an issued credential (<c>{"credential", "credential_id", "session_id", "expires_at", "authoriser", "status"}</c>).</summary>
    public static CredentialResult Read(JsonElement root, string agentId, string keyThumbprint)
    {
        var issued = root;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("credential", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            issued = nested;
        }

        if (issued.ValueKind != JsonValueKind.Object ||
            !issued.TryGetProperty("credential", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String ||
            tokenElement.GetString() is not { Length: > 0 and <= MaxTokenLength } token)
        {
            return Invalid("the answer carries no credential");
        }

        // The one compact-JWS reader and the one claims reader, as the verifier reads it: what the agent keeps is what
        // verifiers will check, never a looser reading of it.
        if (!CompactJws.TrySplit(token, out var firstDot, out var secondDot) ||
            !CompactJws.TryDecode<CredentialClaims>(token.AsSpan(firstDot + 1, secondDot - firstDot - 1), CredentialClaimsReader.TryRead, out var claims))
        {
            return Invalid("the credential is not a compact JWS with an ExecGov credential's claims");
        }

        if (claims.Subject != agentId)
        {
            return Invalid("the credential names another agent");
        }

        if (claims.Confirmation.KeyThumbprint != keyThumbprint)
        {
            return Invalid("the credential is not bound to this agent's key (cnf.jkt)");
        }

        if (claims.Expires <= claims.IssuedAt)
        {
            return Invalid("the credential lacks a usable iat/exp");
        }

        var credentialId = String(issued, "credential_id") ?? claims.CredentialId;
        if (string.IsNullOrEmpty(credentialId))
        {
            return Invalid("the credential has no id");
        }

        return CredentialResult.Success(new IssuedCredential
        {
            Credential = token,
            CredentialId = credentialId,
            SessionId = String(issued, "session_id") ?? claims.SessionId,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(claims.IssuedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Expires),
            Authoriser = ReadAuthoriser(issued) ?? claims.Authoriser,
        });
    }

    /// <summary>The problem <c>code</c> and <c>detail</c> (or <c>title</c>) of an RFC 9457 body, when there is one.</summary>
    public static (string? Code, string? Detail) ReadProblem(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (String(root, "code"), String(root, "detail") ?? String(root, "title"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryNumber(JsonElement element, string name, out long value)
    {
        value = 0;
        return element.TryGetProperty(name, out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt64(out value);
    }

    private static Authoriser? ReadAuthoriser(JsonElement element)
    {
        if (!element.TryGetProperty("authoriser", out var authoriser) || authoriser.ValueKind != JsonValueKind.Object ||
            String(authoriser, "sub") is not { Length: > 0 } subject)
        {
            return null;
        }

        return new Authoriser
        {
            Subject = subject,
            Name = String(authoriser, "name"),
            ApprovalId = String(authoriser, "approval_id"),
            ApprovedAt = TryNumber(authoriser, "approved_at", out var at) ? at : ReadTime(authoriser, "approved_at"),
        };
    }

    private static long ReadTime(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeSeconds()
            : 0;

    private static CredentialResult Invalid(string what) =>
        CredentialResult.Failure(AgentCredentialError.InvalidResponse, $"The issuer's answer was refused: {what}.");
}
