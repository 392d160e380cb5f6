using System.Security.Cryptography;
using System.Text.Json;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>
/// The canonical bytes of an audit record and their hash. The form is JSON written member by member in a
/// fixed order with no optional white space, so the hash never depends on how LiteDB stores the document.
/// </summary>
internal static class AuditCanonicalForm
{
    /// <summary>The <c>PreviousHash</c> of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(AuditDocument record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", record.Id);
            writer.WriteNumber("at", record.At);
            writer.WriteString("kind", record.Kind);
            writer.WriteString("actor", record.Actor);
            writer.WriteString("agent_id", record.AgentId);
            writer.WriteString("credential_id", record.CredentialId);
            writer.WriteString("session_id", record.SessionId);
            writer.WriteString("approval_id", record.ApprovalId);
            writer.WriteString("details", record.Details);
            writer.WriteString("prev", record.PreviousHash);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
