using Microsoft.AspNetCore.Authorization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// Declares the one action an endpoint performs, e.g. <c>[RequireAction("payments.release", Values = typeof(ReleaseValues))]</c>
/// on an MVC action, or <c>.RequireAction("payments.release", …)</c> on a minimal-API endpoint. Every call must
/// present an ExecGov credential (<c>Authorization: DPoP</c> + <c>DPoP</c> proof) that allows exactly this action
/// on the resource and within the constraint values read from the request; otherwise the ExecGov scheme answers
/// 401/403 (docs/aspnetcore.md) and the handler does not run. One declaration per endpoint: two are a
/// configuration error and every call is denied with <c>verifier_error</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireActionAttribute : Attribute, IAuthorizeData, IAuthorizationRequirementData
{
    private readonly ExecGovActionRequirement _requirement;
    private Type? _values;

    /// <summary>Declares <paramref name="action"/>, e.g. <c>payments.release</c>.</summary>
    /// <exception cref="ArgumentException">The action name is empty.</exception>
    public RequireActionAttribute(string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        Action = action;
        _requirement = new ExecGovActionRequirement(action);
    }

    /// <summary>The action name.</summary>
    public string Action { get; }

    /// <summary>
    /// A type implementing <see cref="IActionValuesReader"/> that reads the resource and constraint values
    /// (created per request through dependency injection). Default: none, which checks the action alone.
    /// </summary>
    /// <exception cref="ArgumentException">The type does not implement <see cref="IActionValuesReader"/>.</exception>
    public Type? Values
    {
        get => _values;
        set
        {
            if (value is not null && !typeof(IActionValuesReader).IsAssignableFrom(value))
            {
                throw new ArgumentException($"{value} must implement {nameof(IActionValuesReader)}.", nameof(value));
            }

            _values = value;
        }
    }

    /// <summary>The scheme that decides and answers denials. Default <see cref="ExecGovCredentialDefaults.AuthenticationScheme"/>.</summary>
    public string? AuthenticationSchemes { get; set; } = ExecGovCredentialDefaults.AuthenticationScheme;

    /// <summary>Not used: the action is the policy. Always null.</summary>
    string? IAuthorizeData.Policy
    {
        get => null;
        set => throw new NotSupportedException("RequireAction declares an action, not a named policy.");
    }

    /// <summary>Not used. Always null.</summary>
    string? IAuthorizeData.Roles
    {
        get => null;
        set => throw new NotSupportedException("RequireAction declares an action, not roles.");
    }

    /// <summary>The minimal-API values delegate, when declared through <c>RequireAction(…)</c>.</summary>
    internal Func<ActionRequestContext, ValueTask<ActionValues>>? Reader { get; init; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return _requirement;
    }
}
