using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Reads an RFC 9457 problem answer and checks its shape.</summary>
internal static class Problems
{
    /// <summary>The one problem type prefix of every catalogue error (docs/errors.md), issuer and revocation alike.</summary>
    public const string Type = "urn:execgov:error:";

    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode} is not problem+json: {response.Content.Headers.ContentType} {text}");
        var node = JsonNode.Parse(text)!;
        var code = node["code"]!.GetValue<string>();
        Assert.Equal(Type + code, node["type"]!.GetValue<string>());
        Assert.Equal((int)response.StatusCode, node["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(node["title"]?.GetValue<string>()));
        return new Problem(code, node["detail"]?.GetValue<string>());
    }
}

internal sealed record Problem(string Code, string? Detail);
