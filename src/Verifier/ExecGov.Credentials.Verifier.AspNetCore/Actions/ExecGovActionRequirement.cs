using Microsoft.AspNetCore.Authorization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Met only when the ExecGov scheme allowed this request for exactly <see cref="Action"/> (the decision is made
/// once, by the scheme, from the endpoint's <see cref="RequireActionAttribute"/>).
/// </summary>
/// <param name="action">The action name.</param>
public sealed class ExecGovActionRequirement(string action) : IAuthorizationRequirement
{
    /// <summary>The action name.</summary>
    public string Action { get; } = action;

    /// <inheritdoc />
    public override string ToString() => $"ExecGov action {Action}";
}
