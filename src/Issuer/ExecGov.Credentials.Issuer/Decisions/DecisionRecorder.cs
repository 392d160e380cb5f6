using System.Text.Json;
using System.Text.RegularExpressions;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Decisions;

/// <summary>
/// Appends verifiers' decision records to the audit trail, so a trace of a credential shows every allow and
/// deny with its authoriser. The whole batch is validated first (one bad record refuses the batch and
/// changes nothing), then committed in one transaction; a decision id the same verifier client already recorded
/// is skipped, so a verifier may resend a batch after a lost answer. Ids are scoped to the submitting client:
/// another client's use of the same id is a different record.
/// </summary>
internal sealed partial class DecisionRecorder(IExecGovStore store, AuditLog audit, TimeProvider time)
{
    public const int MaxRecords = 500;
    private const int MaxFieldLength = 256;

    public IssuerResult<DecisionBatchView> Record(DecisionBatchRequest batch, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(caller);
        if (batch.Records.Count is 0 or > MaxRecords)
        {
            return IssuerResult<DecisionBatchView>.Fail(ErrorCode.InvalidRequest, $"records must hold 1-{MaxRecords} decision records.");
        }

        if (batch.Verifier is not null && Text.Invalid(batch.Verifier, Identifiers.MaxLength) is { } badVerifier)
        {
            return IssuerResult<DecisionBatchView>.Fail(ErrorCode.InvalidRequest, "verifier " + badVerifier);
        }

        for (var i = 0; i < batch.Records.Count; i++)
        {
            if (Check(batch.Records[i]) is { } problem)
            {
                return IssuerResult<DecisionBatchView>.Fail(ErrorCode.InvalidRequest, $"records[{i}]: {problem}");
            }
        }

        return store.Write<DecisionBatchView>(() =>
        {
            int accepted = 0, duplicates = 0;
            var received = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var record in batch.Records)
            {
                var key = DecisionDocument.KeyOf(caller.Subject, record.DecisionId);
                if (store.Decisions.FindById(key) is not null)
                {
                    duplicates++;
                    continue;
                }

                var entry = audit.Append(new AuditEntry(AuditEventKinds.DecisionRecorded, caller.Subject, record.Agent, record.CredentialId, record.SessionId,
                    Details: JsonSerializer.Serialize(new DecisionRecordedDetails(record.DecisionId, record.DecidedAt, record.Decision, record.Reason, record.Authoriser,
                        record.Issuer, record.Action, record.Resource, record.Audience, batch.Verifier), IssuerJsonContext.Default.DecisionRecordedDetails)));
                store.Decisions.Insert(new DecisionDocument { Id = key, ClientId = caller.Subject, DecisionId = record.DecisionId, CredentialId = record.CredentialId, AuditSequence = entry.Id, ReceivedAt = received });
                accepted++;
            }

            return new DecisionBatchView(accepted, duplicates);
        });
    }

    private static string? Check(DecisionRecordInput record)
    {
        if (!Identifiers.IsValid(record.DecisionId))
        {
            return "decision_id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.";
        }

        if (record.Decision is not ("allow" or "deny"))
        {
            return "decision must be \"allow\" or \"deny\".";
        }

        if (!ReasonPattern().IsMatch(record.Reason))
        {
            return "reason must be a reason code such as \"allowed\" or \"scope_denied\".";
        }

        if (string.Equals(record.Decision, "allow", StringComparison.Ordinal) != string.Equals(record.Reason, "allowed", StringComparison.Ordinal))
        {
            return "an allow carries reason \"allowed\", and a deny any other reason.";
        }

        foreach (var (name, value) in new[] { ("agent", record.Agent), ("credential_id", record.CredentialId), ("session_id", record.SessionId) })
        {
            if (value is not null && !Identifiers.IsValid(value))
            {
                return $"{name} must be an id of 1-128 characters of letters, digits, '.', '_', ':' or '-'.";
            }
        }

        foreach (var (name, value) in new[] { ("authoriser", record.Authoriser), ("issuer", record.Issuer), ("action", record.Action), ("resource", record.Resource), ("audience", record.Audience) })
        {
            if (value is not null && Text.Invalid(value, MaxFieldLength) is { } problem)
            {
                return $"{name} {problem}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[a-z][a-z_]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonPattern();
}
