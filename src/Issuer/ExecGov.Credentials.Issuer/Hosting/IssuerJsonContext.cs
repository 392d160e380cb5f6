using System.Text.Json;
using System.Text.Json.Serialization;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Decisions;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Publishing;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Issuer.SelfService;
using ExecGov.Credentials.Issuer.SignIn;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// Source-generated JSON for the whole HTTP API: snake_case members, and on input no unknown members, no
/// duplicates, required members present and nulls only where allowed. One place says how the API reads JSON.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(RegisterAgentRequest))]
[JsonSerializable(typeof(AgentStateRequest))]
[JsonSerializable(typeof(AgentView))]
[JsonSerializable(typeof(IReadOnlyList<AgentView>))]
[JsonSerializable(typeof(AgentRegisteredDetails))]
[JsonSerializable(typeof(AgentStateDetails))]
[JsonSerializable(typeof(IssueCredentialRequest))]
[JsonSerializable(typeof(AgentCredentialRequest))]
[JsonSerializable(typeof(IssuedCredentialView))]
[JsonSerializable(typeof(PendingApprovalView))]
[JsonSerializable(typeof(CredentialView))]
[JsonSerializable(typeof(IReadOnlyList<CredentialView>))]
[JsonSerializable(typeof(CredentialIssuedDetails))]
[JsonSerializable(typeof(ApprovalView))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalView>))]
[JsonSerializable(typeof(DecideApprovalRequest))]
[JsonSerializable(typeof(ApprovalRequestedDetails))]
[JsonSerializable(typeof(ApprovalDecidedDetails))]
[JsonSerializable(typeof(AgentAuthenticationFailedDetails))]
[JsonSerializable(typeof(AuditVerifyView))]
[JsonSerializable(typeof(AuditBreakView))]
[JsonSerializable(typeof(AuditRecordView))]
[JsonSerializable(typeof(IReadOnlyList<AuditRecordView>))]
[JsonSerializable(typeof(TraceView))]
[JsonSerializable(typeof(DecisionBatchRequest))]
[JsonSerializable(typeof(DecisionBatchView))]
[JsonSerializable(typeof(DecisionRecordedDetails))]
[JsonSerializable(typeof(CreateAdminClientRequest))]
[JsonSerializable(typeof(AdminClientView))]
[JsonSerializable(typeof(IReadOnlyList<AdminClientView>))]
[JsonSerializable(typeof(AdminClientCreatedDetails))]
[JsonSerializable(typeof(AdminClientChangedDetails))]
[JsonSerializable(typeof(PendingAdminClient))]
[JsonSerializable(typeof(ChangeRolesRequest))]
[JsonSerializable(typeof(AdminClientStateRequest))]
[JsonSerializable(typeof(FailuresSuppressedDetails))]
[JsonSerializable(typeof(SignInDetails))]
[JsonSerializable(typeof(BootstrapSecretFile))]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(IReadOnlyList<KeyView>))]
[JsonSerializable(typeof(KeyRotatedDetails))]
[JsonSerializable(typeof(RevocationRecordedDetails))]
[JsonSerializable(typeof(IssuerMetadata))]
[JsonSerializable(typeof(JwksDocument))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(IssuerStartedDetails))]
internal sealed partial class IssuerJsonContext : JsonSerializerContext
{
}
