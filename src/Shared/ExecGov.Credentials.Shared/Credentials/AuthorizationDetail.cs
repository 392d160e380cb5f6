using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// One grant, in the shape of an RFC 9396 authorization details object: which actions, on which
/// resources, at which locations (target services), under which constraints.
/// </summary>
public sealed record AuthorizationDetail
{
    /// <summary>The RFC 9396 <c>type</c> value for ExecGov grants.</summary>
    public const string ExecGovType = "execgov_action";

    /// <summary>The detail type; verifiers consider only <see cref="ExecGovType"/>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = ExecGovType;

    /// <summary>Allowed action names, e.g. <c>payments.release</c>; a trailing <c>.*</c> allows a family.</summary>
    [JsonPropertyName("actions")]
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Target services (audiences) the grant applies to; empty means every audience of the credential.</summary>
    [JsonPropertyName("locations")]
    public IReadOnlyList<string>? Locations { get; init; }

    /// <summary>Allowed resources, exact or with a trailing <c>*</c> (prefix match); empty means any resource.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>Limits the action must stay within; a limit whose value the request does not supply denies.</summary>
    [JsonPropertyName("constraints")]
    public ActionConstraints? Constraints { get; init; }
}
