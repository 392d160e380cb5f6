namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>The decision made for the current HTTP request, set before the handler or tool runs.</summary>
public interface IExecGovDecisionFeature
{
    /// <summary>The decision (allow or deny, with its reason code).</summary>
    Decision Decision { get; }

    /// <summary>How the credential was presented; <see cref="PresentationScheme.None"/> when it was not (RFC 6750 §3.1: no error code then).</summary>
    PresentationScheme Scheme { get; }
}
