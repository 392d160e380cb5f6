using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>Endpoint metadata: the action an endpoint performs, and how to read its resource and constraint values.</summary>
public sealed class RequiredAction
{
    internal RequiredAction(string action, Func<EndpointFilterInvocationContext, string?>? resource, Func<EndpointFilterInvocationContext, Dictionary<string, string>?>? context)
    {
        Action = action;
        Resource = resource;
        Context = context;
    }

    /// <summary>The action name, e.g. <c>payments.release</c>.</summary>
    public string Action { get; }

    internal Func<EndpointFilterInvocationContext, string?>? Resource { get; }

    internal Func<EndpointFilterInvocationContext, Dictionary<string, string>?>? Context { get; }
}
