namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>The immutable feature stored on the request.</summary>
internal sealed record DecisionFeature(Decision Decision, PresentationScheme Scheme) : IExecGovDecisionFeature;
