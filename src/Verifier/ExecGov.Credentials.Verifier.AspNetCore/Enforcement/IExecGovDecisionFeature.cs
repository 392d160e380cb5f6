namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>The decision made for the current HTTP request, set before the handler or tool runs.</summary>
public interface IExecGovDecisionFeature
{
    /// <summary>The decision (allow or deny, with its reason code).</summary>
    Decision Decision { get; }

    /// <summary>Whether the request carried a <c>DPoP</c> credential at all (RFC 6750 §3.1: no error code when it did not).</summary>
    bool CredentialPresented { get; }
}
