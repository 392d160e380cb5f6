using System.Text.Json;

namespace ExecGov.Credentials.Jose;

/// <summary>
/// Refuses JSON that repeats a member name in any object, at any depth, known to the format or not (RFC 7515 §5.2;
/// RFC 8259 §4 leaves duplicates to the parser, and parsers disagree on which one wins). Names are compared after
/// unescaping, so <c>"\u0069ss"</c> repeats <c>"iss"</c>. Used for every token's header and claims, so a token
/// with a duplicate is <c>malformed</c> before its signature is looked at.
/// </summary>
public static class UniqueMembers
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Whether <paramref name="json"/> is one JSON value without a repeated member anywhere.</summary>
    public static bool Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            return reader.Read() && SkipValue(ref reader) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// With the reader on the first token of a value, moves it to the value's last token; false when any object in
    /// the value repeats a member. May throw <see cref="JsonException"/> or <see cref="InvalidOperationException"/>
    /// for unreadable input (callers treat both as a refusal).
    /// </summary>
    public static bool SkipValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                HashSet<string>? names = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    names ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!names.Add(reader.GetString()!) || !reader.Read() || !SkipValue(ref reader))
                    {
                        return false;
                    }
                }

                return reader.TokenType == JsonTokenType.EndObject;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!SkipValue(ref reader))
                    {
                        return false;
                    }
                }

                return reader.TokenType == JsonTokenType.EndArray;
            default:
                return true;
        }
    }
}
