using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier;

/// <summary>
/// Reads a credential's claims straight off <see cref="Utf8JsonReader"/>, with the same rules as
/// <see cref="CredentialJsonContext"/>'s <see cref="CredentialClaims"/> contract: required members present, exact
/// JSON types, no <c>null</c> where the model has none, no repeated member in any object, unknown members ignored.
/// </summary>
/// <remarks>
/// Written by hand because System.Text.Json's generated deserializer, for these immutable records, builds every
/// object through boxed constructor arguments: it cost about 2.6 µs a credential (3 KB allocated), the largest
/// cost of verifying a fresh credential after the two signature checks (docs/benchmarks.md). This reader still
/// uses the library's tokenizer, unescaping and number parsing; it only maps members to the records.
/// Stricter than the generated deserializer in one place: a <c>null</c> inside a string array is refused (the
/// library passes it through into the list). Kept equal to it by a differential test
/// (CredentialClaimsReaderTests) over generated claims and every single-member mutation of them.
/// </remarks>
internal static class CredentialClaimsReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>The claims in <paramref name="json"/>, or false when it breaks any rule of the format.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out CredentialClaims? claims)
    {
        claims = null;
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || !TryReadClaims(ref reader, out claims))
            {
                claims = null;
                return false;
            }

            // Nothing may follow the object (the tokenizer rejects anything but white space here).
            if (reader.Read())
            {
                claims = null;
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON from outside is a result, not an exception.
            claims = null;
            return false;
        }
    }

    private static bool TryReadClaims(ref Utf8JsonReader reader, [NotNullWhen(true)] out CredentialClaims? claims)
    {
        claims = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? issuer = null, subject = null, credentialId = null, sessionId = null;
        IReadOnlyList<string>? audience = null;
        long issuedAt = 0, notBefore = 0, expires = 0;
        Confirmation? confirmation = null;
        IReadOnlyList<AuthorizationDetail>? details = null;
        Authoriser? authoriser = null;
        StatusClaim? status = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("iss"u8))
            {
                ok = seen.First(0) && TryReadString(ref reader, out issuer);
            }
            else if (reader.ValueTextEquals("sub"u8))
            {
                ok = seen.First(1) && TryReadString(ref reader, out subject);
            }
            else if (reader.ValueTextEquals("aud"u8))
            {
                ok = seen.First(2) && TryReadAudience(ref reader, out audience);
            }
            else if (reader.ValueTextEquals("iat"u8))
            {
                ok = seen.First(3) && TryReadInt64(ref reader, out issuedAt);
            }
            else if (reader.ValueTextEquals("nbf"u8))
            {
                ok = seen.First(4) && TryReadInt64(ref reader, out notBefore);
            }
            else if (reader.ValueTextEquals("exp"u8))
            {
                ok = seen.First(5) && TryReadInt64(ref reader, out expires);
            }
            else if (reader.ValueTextEquals("jti"u8))
            {
                ok = seen.First(6) && TryReadString(ref reader, out credentialId);
            }
            else if (reader.ValueTextEquals("sid"u8))
            {
                ok = seen.First(7) && TryReadString(ref reader, out sessionId);
            }
            else if (reader.ValueTextEquals("cnf"u8))
            {
                ok = seen.First(8) && TryReadConfirmation(ref reader, out confirmation);
            }
            else if (reader.ValueTextEquals("authorization_details"u8))
            {
                ok = seen.First(9) && TryReadDetails(ref reader, out details);
            }
            else if (reader.ValueTextEquals("authoriser"u8))
            {
                ok = seen.First(10) && TryReadAuthoriser(ref reader, out authoriser);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                ok = seen.First(11) && TryReadStatus(ref reader, out status);
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return false;
            }
        }

        // Every member but status is required (0..10).
        if (reader.TokenType != JsonTokenType.EndObject || !seen.All(0b111_1111_1111))
        {
            return false;
        }

        claims = new CredentialClaims
        {
            Issuer = issuer!,
            Subject = subject!,
            Audience = audience!,
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            Expires = expires,
            CredentialId = credentialId!,
            SessionId = sessionId!,
            Confirmation = confirmation!,
            AuthorizationDetails = details!,
            Authoriser = authoriser!,
            Status = status,
        };
        return true;
    }

    private static bool TryReadConfirmation(ref Utf8JsonReader reader, out Confirmation? confirmation)
    {
        confirmation = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? thumbprint = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = reader.ValueTextEquals("jkt"u8)
                ? seen.First(0) && TryReadString(ref reader, out thumbprint)
                : reader.TrySkip();
            if (!ok)
            {
                return false;
            }
        }

        if (!seen.All(0b1))
        {
            return false;
        }

        confirmation = new Confirmation { KeyThumbprint = thumbprint! };
        return true;
    }

    private static bool TryReadAuthoriser(ref Utf8JsonReader reader, out Authoriser? authoriser)
    {
        authoriser = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? subject = null, name = null, approvalId = null;
        long approvedAt = 0;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("sub"u8))
            {
                ok = seen.First(0) && TryReadString(ref reader, out subject);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                ok = seen.First(1) && TryReadOptionalString(ref reader, out name);
            }
            else if (reader.ValueTextEquals("approval_id"u8))
            {
                ok = seen.First(2) && TryReadOptionalString(ref reader, out approvalId);
            }
            else if (reader.ValueTextEquals("approved_at"u8))
            {
                ok = seen.First(3) && TryReadInt64(ref reader, out approvedAt);
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return false;
            }
        }

        if (!seen.All(0b1))
        {
            return false;
        }

        authoriser = new Authoriser { Subject = subject!, Name = name, ApprovalId = approvalId, ApprovedAt = approvedAt };
        return true;
    }

    private static bool TryReadStatus(ref Utf8JsonReader reader, out StatusClaim? status)
    {
        status = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        StatusListReference? list = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = reader.ValueTextEquals("status_list"u8)
                ? seen.First(0) && TryReadStatusList(ref reader, out list)
                : reader.TrySkip();
            if (!ok)
            {
                return false;
            }
        }

        if (!seen.All(0b1))
        {
            return false;
        }

        status = new StatusClaim { StatusList = list! };
        return true;
    }

    private static bool TryReadStatusList(ref Utf8JsonReader reader, out StatusListReference? list)
    {
        list = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var index = 0;
        string? uri = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("idx"u8))
            {
                ok = seen.First(0) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out index);
            }
            else if (reader.ValueTextEquals("uri"u8))
            {
                ok = seen.First(1) && TryReadString(ref reader, out uri);
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return false;
            }
        }

        if (!seen.All(0b11))
        {
            return false;
        }

        list = new StatusListReference { Index = index, Uri = uri! };
        return true;
    }

    private static bool TryReadDetails(ref Utf8JsonReader reader, out IReadOnlyList<AuthorizationDetail>? details)
    {
        details = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<AuthorizationDetail>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadDetail(ref reader, out var detail))
            {
                return false;
            }

            list.Add(detail);
        }

        details = list;
        return true;
    }

    private static bool TryReadDetail(ref Utf8JsonReader reader, [NotNullWhen(true)] out AuthorizationDetail? detail)
    {
        detail = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // A detail without "type" reads as type null (as the generated deserializer does), which no grant matches.
        string? type = null;
        IReadOnlyList<string>? actions = null, locations = null, resources = null;
        ActionConstraints? constraints = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("type"u8))
            {
                ok = seen.First(0) && TryReadString(ref reader, out type);
            }
            else if (reader.ValueTextEquals("actions"u8))
            {
                ok = seen.First(1) && TryReadStrings(ref reader, out actions) && actions is not null;
            }
            else if (reader.ValueTextEquals("locations"u8))
            {
                ok = seen.First(2) && TryReadStrings(ref reader, out locations);
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                ok = seen.First(3) && TryReadStrings(ref reader, out resources);
            }
            else if (reader.ValueTextEquals("constraints"u8))
            {
                ok = seen.First(4) && TryReadConstraints(ref reader, out constraints);
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return false;
            }
        }

        if (!seen.All(0b10))
        {
            return false;
        }

        detail = new AuthorizationDetail { Type = type!, Actions = actions!, Locations = locations, Resources = resources, Constraints = constraints };
        return true;
    }

    private static bool TryReadConstraints(ref Utf8JsonReader reader, out ActionConstraints? constraints)
    {
        constraints = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        decimal? maxAmount = null;
        string? currency = null;
        IReadOnlyList<string>? destinations = null;
        TimeWindow? window = null;
        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("max_amount"u8))
            {
                ok = seen.First(0) && TryReadOptionalDecimal(ref reader, out maxAmount);
            }
            else if (reader.ValueTextEquals("currency"u8))
            {
                ok = seen.First(1) && TryReadOptionalString(ref reader, out currency);
            }
            else if (reader.ValueTextEquals("destinations"u8))
            {
                ok = seen.First(2) && TryReadStrings(ref reader, out destinations);
            }
            else if (reader.ValueTextEquals("time_window"u8))
            {
                // Rare, and its time-of-day format is the library's: the generated contract reads it.
                ok = seen.First(3) && reader.Read();
                window = ok ? JsonSerializer.Deserialize(ref reader, CredentialJsonContext.Default.TimeWindow) : null;
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return false;
            }
        }

        constraints = new ActionConstraints { MaxAmount = maxAmount, Currency = currency, Destinations = destinations, TimeWindow = window };
        return true;
    }

    /// <summary>JWT <c>aud</c>: one non-empty string or a non-empty array of them (RFC 7519 §4.1.3).</summary>
    private static bool TryReadAudience(ref Utf8JsonReader reader, out IReadOnlyList<string>? audience)
    {
        audience = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var single = reader.GetString()!;
            audience = single.Length == 0 ? null : [single];
            return audience is not null;
        }

        return reader.TokenType == JsonTokenType.StartArray && TryReadStringItems(ref reader, requireNonEmpty: true, out audience) && audience.Count > 0;
    }

    /// <summary>A string array, or <c>null</c>; a <c>null</c> item or a non-string item is refused.</summary>
    private static bool TryReadStrings(ref Utf8JsonReader reader, out IReadOnlyList<string>? values)
    {
        values = null;
        if (!reader.Read())
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.Null ||
               (reader.TokenType == JsonTokenType.StartArray && TryReadStringItems(ref reader, requireNonEmpty: false, out values));
    }

    private static bool TryReadStringItems(ref Utf8JsonReader reader, bool requireNonEmpty, [NotNullWhen(true)] out IReadOnlyList<string>? values)
    {
        values = null;
        var list = new List<string>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var value = reader.GetString()!;
            if (requireNonEmpty && value.Length == 0)
            {
                return false;
            }

            list.Add(value);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        values = list;
        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.Read() &&
               (reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && (value = reader.GetString()) is not null));
    }

    private static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    private static bool TryReadOptionalDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Which members of one object were read: a repeated member is refused (RFC 7515 §5.2, as the contract does).</summary>
    private struct Members
    {
        private int _bits;

        /// <summary>Marks member <paramref name="index"/> as read; false if it already was.</summary>
        public bool First(int index)
        {
            var bit = 1 << index;
            if ((_bits & bit) != 0)
            {
                return false;
            }

            _bits |= bit;
            return true;
        }

        /// <summary>Whether every member in <paramref name="required"/> was read.</summary>
        public readonly bool All(int required) => (_bits & required) == required;
    }
}
