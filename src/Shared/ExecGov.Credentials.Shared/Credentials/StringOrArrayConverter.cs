using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// JWT <c>aud</c> is a string or an array of strings (RFC 7519 §4.1.3). Reads both; writes a single value as a
/// string. Anything else (numbers, nested arrays, empty strings) is a <see cref="JsonException"/>.
/// </summary>
internal sealed class StringOrArrayConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [NonEmpty(reader.GetString())];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a string or an array of strings.");
        }

        var values = new List<string>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected only strings in the array.");
            }

            values.Add(NonEmpty(reader.GetString()));
        }

        return values.Count == 0 ? throw new JsonException("Expected at least one value.") : values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static string NonEmpty(string? value) =>
        string.IsNullOrEmpty(value) ? throw new JsonException("Empty string.") : value;
}
