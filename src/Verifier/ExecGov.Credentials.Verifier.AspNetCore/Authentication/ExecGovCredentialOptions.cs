using Microsoft.AspNetCore.Authentication;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// Options of the ExecGov scheme. The scheme has nothing of its own to configure: the audience, origin, bearer
/// audiences and body limit live in <see cref="Enforcement.ActionEnforcementOptions"/>, the trust in
/// <see cref="CredentialVerifierOptions"/> (docs/aspnetcore.md).
/// </summary>
public sealed class ExecGovCredentialOptions : AuthenticationSchemeOptions;
