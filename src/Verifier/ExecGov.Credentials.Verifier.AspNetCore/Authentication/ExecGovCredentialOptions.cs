using Microsoft.AspNetCore.Authentication;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// Options of the ExecGov DPoP scheme. The scheme has nothing of its own to configure: the audience and origin
/// live in <see cref="Enforcement.ActionEnforcementOptions"/>, the trust in <see cref="CredentialVerifierOptions"/>.
/// Bearer credentials without a proof are not accepted (see docs/enforcement.md).
/// </summary>
public sealed class ExecGovCredentialOptions : AuthenticationSchemeOptions;
