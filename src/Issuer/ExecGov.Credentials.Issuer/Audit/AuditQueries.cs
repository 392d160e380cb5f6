using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>Read-only questions to the audit trail: is the chain intact, and what is the story of a credential or session.</summary>
internal sealed class AuditQueries(IExecGovStore store)
{
    private const int MaxEvents = 5000;

    public AuditVerifyView Verify()
    {
        var report = AuditChainVerifier.Verify(store.Audit.FindAll());
        return new AuditVerifyView
        {
            Intact = report.IsIntact,
            RecordCount = report.RecordCount,
            FirstBrokenSeq = report.FirstBrokenSequence,
            Problem = report.Problem,
            Breaks = [.. report.Breaks.Select(b => new AuditBreakView { Seq = b.Sequence, Position = b.Position, Problem = b.Problem })],
            LastHash = report.LastHash,
        };
    }

    /// <summary>
    /// The trace of a credential id or session id: for each credential its agent, owner, authoriser, approval,
    /// scope and lifetime; then every audit record naming the credential, its session or its approval, the
    /// agent's life-cycle changes and every revocation act that covered it since the first issuance, oldest first.
    /// </summary>
    public IssuerResult<TraceView> Trace(string id)
    {
        if (!Identifiers.IsValid(id))
        {
            return IssuerResult<TraceView>.Fail(ErrorCode.TraceNotFound, $"No credential or session '{Text.Clip(id)}'.");
        }

        var byId = store.Credentials.FindById(id);
        var credentials = byId is not null ? [byId] : store.Credentials.Find(c => c.SessionId == id).OrderBy(c => c.IssuedAt).ToList();
        if (credentials.Count == 0)
        {
            return IssuerResult<TraceView>.Fail(ErrorCode.TraceNotFound, $"No credential or session '{id}' was issued here.");
        }

        var events = new Dictionary<long, AuditDocument>();
        void Add(IEnumerable<AuditDocument> records)
        {
            foreach (var record in records)
            {
                events.TryAdd(record.Id, record);
            }
        }

        var agents = new Dictionary<string, AgentDocument?>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            Add(store.Audit.Find(a => a.CredentialId == credential.Id));
            if (credential.ApprovalId is { } approvalId)
            {
                Add(store.Audit.Find(a => a.ApprovalId == approvalId));
            }

            if (!agents.ContainsKey(credential.AgentId))
            {
                agents[credential.AgentId] = store.Agents.FindById(credential.AgentId);
            }
        }

        if (byId is null)
        {
            Add(store.Audit.Find(a => a.SessionId == id));
        }

        // The agent's suspensions and the like after the first issuance belong to the story too.
        var since = credentials.Min(c => c.IssuedAt) * 1000;
        foreach (var agentId in agents.Keys)
        {
            Add(store.Audit.Find(a => a.AgentId == agentId && a.At >= since &&
                (a.Kind == AuditEventKinds.AgentSuspended || a.Kind == AuditEventKinds.AgentResumed || a.Kind == AuditEventKinds.AgentDecommissioned ||
                 a.Kind == AuditEventKinds.RevocationRecorded)));
        }

        // Every revocation act that covered one of them, whatever its scope: a session, agent, authoriser or
        // signing-key act names its target, not each credential.
        foreach (var record in store.Audit.Find(a => a.Kind == AuditEventKinds.RevocationRecorded && a.At >= since))
        {
            if (ActCovers(record, credentials, agents))
            {
                events.TryAdd(record.Id, record);
            }
        }

        return new TraceView
        {
            Query = id,
            Kind = byId is not null ? "credential" : "session",
            Credentials = credentials.Select(c => Describe(c, agents[c.AgentId])).ToList(),
            Events = events.Values.OrderBy(e => e.Id).Take(MaxEvents).Select(ToView).ToList(),
        };
    }

    private static bool ActCovers(AuditDocument record, List<CredentialDocument> credentials, Dictionary<string, AgentDocument?> agents)
    {
        RevocationRecordedDetails? act;
        try
        {
            act = record.Details is { Length: > 0 } details ? JsonSerializer.Deserialize(details, IssuerJsonContext.Default.RevocationRecordedDetails) : null;
        }
        catch (JsonException)
        {
            // An altered record is left out here; the chain check reports it.
            return false;
        }

        return act is not null && credentials.Exists(c => act.Scope switch
        {
            "credential" => string.Equals(act.Target, c.Id, StringComparison.Ordinal),
            "session" => string.Equals(act.Target, c.SessionId, StringComparison.Ordinal),
            "agent" => string.Equals(act.Target, c.AgentId, StringComparison.Ordinal),
            "authoriser" => string.Equals(act.Target, c.AuthoriserSubject, StringComparison.Ordinal),
            "signing_key" => string.Equals(act.Target, c.KeyId, StringComparison.Ordinal),
            "holder_key" => agents.GetValueOrDefault(c.AgentId) is { } agent && string.Equals(act.Target, agent.KeyThumbprint, StringComparison.Ordinal),
            _ => false,
        });
    }

    public IReadOnlyList<AuditRecordView> Recent(int limit) =>
        store.Audit.Query().OrderByDescending(a => a.Id).Limit(limit).ToList().OrderBy(a => a.Id).Select(ToView).ToList();

    public static AuditRecordView ToView(AuditDocument record)
    {
        JsonElement? details = null;
        if (record.Details is { Length: > 0 } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                details = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // A record altered into non-JSON is still shown (as a string) so the broken chain can be inspected.
                details = JsonSerializer.SerializeToElement(text, IssuerJsonContext.Default.String);
            }
        }

        return new AuditRecordView
        {
            Seq = record.Id,
            At = DateTimeOffset.FromUnixTimeMilliseconds(record.At),
            Kind = record.Kind,
            Actor = record.Actor,
            AgentId = record.AgentId,
            CredentialId = record.CredentialId,
            SessionId = record.SessionId,
            ApprovalId = record.ApprovalId,
            Details = details,
            Prev = record.PreviousHash,
            Hash = record.Hash,
        };
    }

    private TracedCredential Describe(CredentialDocument credential, AgentDocument? agent)
    {
        TracedApproval? approval = null;
        if (credential.ApprovalId is { } approvalId && store.Approvals.FindById(approvalId) is { } found)
        {
            approval = new TracedApproval(found.Id, found.RequestedBy, DateTimeOffset.FromUnixTimeMilliseconds(found.CreatedAt), found.DecidedBy,
                found.DecidedAt is { } decided ? DateTimeOffset.FromUnixTimeMilliseconds(decided) : null, found.DecisionReason, found.Reasons);
        }

        return new TracedCredential
        {
            CredentialId = credential.Id,
            SessionId = credential.SessionId,
            Agent = new TracedAgent(credential.AgentId, agent?.DisplayName, agent?.Owner, agent is null ? null : AgentRegistry.StatusName(agent.Status)),
            Authoriser = new Authoriser
            {
                Subject = credential.AuthoriserSubject,
                Name = credential.AuthoriserName,
                ApprovalId = credential.ApprovalId,
                ApprovedAt = credential.ApprovedAt,
            },
            Approval = approval,
            Audience = credential.Audience,
            Scope = JsonSerializer.Deserialize(credential.AuthorizationDetailsJson, CredentialJsonContext.Default.ListAuthorizationDetail) ?? [],
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(credential.IssuedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(credential.Expires),
            LifetimeSeconds = credential.Expires - credential.IssuedAt,
            RequestedBy = credential.RequestedBy,
            KeyId = credential.KeyId,
        };
    }
}
