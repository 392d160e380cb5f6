using System.Buffers.Text;
using System.Text.Json;

namespace ExecGov.Credentials.Agent.Tests;

/// <summary>Reads the header and payload of a compact JWS, for shape assertions.</summary>
internal static class Jose
{
    public static JsonElement Header(string token) => Segment(token, 0);

    public static JsonElement Payload(string token) => Segment(token, 1);

    private static JsonElement Segment(string token, int index) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index])).RootElement.Clone();
}
