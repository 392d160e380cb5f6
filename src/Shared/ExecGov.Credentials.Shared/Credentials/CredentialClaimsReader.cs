using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// Reads a credential's claims (and, in CredentialClaimsReader.Proof.cs, its holder proof's) straight off
/// <see cref="Utf8JsonReader"/>, with the same rules as <see cref="CredentialJsonContext"/>'s
/// <see cref="CredentialClaims"/> contract: required members present, exact
/// JSON types, no <c>null</c> where the model has none, no repeated member in any object, unknown members ignored.
/// </summary>
/// <remarks>
/// Written by hand because System.Text.Json's generated deserializer, for these immutable records, builds every
/// object through boxed constructor arguments: it cost about 2.8 µs a credential (3 KB allocated, against about 1.1 µs and 0.8 KB here), the largest
/// cost of verifying a fresh credential after the two signature checks (docs/benchmarks.md). This reader still
/// uses the library's tokenizer, unescaping and number parsing; it only maps members to the records.
/// Stricter than the generated deserializer in one place: a <c>null</c> inside a string array is refused (the
/// library passes it through into the list). Kept equal to it by a differential test
/// (CredentialClaimsReaderTests) over generated claims and every single-member mutation of them.
/// </remarks>
public static partial class CredentialClaimsReader
{
    // Whether a string value is one that credentials repeat (ReadString pools those) or one of a kind.
    private const bool Shared = true;
    private const bool Unique = false;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Reads the value of one member (the reader is on its name, <paramref name="name"/> unescaped) into
    /// <paramref name="state"/>; false refuses the document.
    /// </summary>
    private delegate bool MemberReader<TState>(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref TState state, ref Members seen);

    /// <summary>The claims in <paramref name="json"/>, or false when it breaks any rule of the format.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out CredentialClaims? claims) =>
        TryReadDocument<ClaimsState, CredentialClaims>(
            json,
            ReadClaimsMember,
            required: 0b111_1111_1111, // every member but status (0..10)
            static state => new CredentialClaims
            {
                Issuer = state.Issuer!,
                Subject = state.Subject!,
                Audience = state.Audience!,
                IssuedAt = state.IssuedAt,
                NotBefore = state.NotBefore,
                Expires = state.Expires,
                CredentialId = state.CredentialId!,
                SessionId = state.SessionId!,
                Confirmation = state.Confirmation!,
                AuthorizationDetails = state.Details!,
                Authoriser = state.Authoriser!,
                Status = state.Status,
            },
            out claims);

    /// <summary>
    /// A whole document: one object read by <paramref name="readMember"/>, nothing after it but white space, then
    /// <paramref name="build"/> makes the value from what was read.
    /// </summary>
    private static bool TryReadDocument<TState, T>(
        ReadOnlySpan<byte> json, MemberReader<TState> readMember, int required, Func<TState, T> build, [NotNullWhen(true)] out T? value)
        where TState : struct
        where T : class
    {
        value = null;
        var state = default(TState);
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            // The tokenizer itself rejects anything but white space after the root object.
            if (!reader.Read() || !TryReadObject(ref reader, ref state, readMember, required) || reader.Read())
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON from outside is a result, not an exception.
            return false;
        }

        value = build(state);
        return true;
    }

    /// <summary>
    /// Reads the object that starts at the current token member by member: unknown members are skipped, a repeated
    /// known member is refused (RFC 7515 §5.2, as the contract does), and every member in <paramref name="required"/>
    /// must be present.
    /// </summary>
    private static bool TryReadObject<TState>(ref Utf8JsonReader reader, ref TState state, MemberReader<TState> readMember, int required)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!readMember(ref reader, MemberName(ref reader), ref state, ref seen))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen.All(required);
    }

    /// <summary>
    /// The name of the member the reader is on, unescaped. Compared with each known name by plain span equality,
    /// which the JIT unrolls for these short constants, rather than by <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>,
    /// whose checks ran once per candidate name: about a hundred calls per credential. An escaped name (our issuer
    /// writes none) is unescaped by the library into a new array; one that does not unescape to valid text throws,
    /// which refuses the document.
    /// </summary>
    private static ReadOnlySpan<byte> MemberName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    /// <summary>Moves to the next value and reads it as an object; <c>null</c> is accepted only when <paramref name="nullable"/>.</summary>
    private static bool TryReadMemberObject<TState>(ref Utf8JsonReader reader, ref TState state, MemberReader<TState> readMember, int required, bool nullable, out bool isNull)
    {
        isNull = false;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            isNull = true;
            return nullable;
        }

        return TryReadObject(ref reader, ref state, readMember, required);
    }

    private static bool ReadClaimsMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref ClaimsState state, ref Members seen)
    {
        if (name.SequenceEqual("iss"u8))
        {
            return seen.First(0) && TryReadString(ref reader, Shared, out state.Issuer);
        }

        if (name.SequenceEqual("sub"u8))
        {
            return seen.First(1) && TryReadString(ref reader, Shared, out state.Subject);
        }

        if (name.SequenceEqual("aud"u8))
        {
            return seen.First(2) && TryReadAudience(ref reader, out state.Audience);
        }

        if (name.SequenceEqual("iat"u8))
        {
            return seen.First(3) && TryReadInt64(ref reader, out state.IssuedAt);
        }

        if (name.SequenceEqual("nbf"u8))
        {
            return seen.First(4) && TryReadInt64(ref reader, out state.NotBefore);
        }

        if (name.SequenceEqual("exp"u8))
        {
            return seen.First(5) && TryReadInt64(ref reader, out state.Expires);
        }

        if (name.SequenceEqual("jti"u8))
        {
            return seen.First(6) && TryReadString(ref reader, Unique, out state.CredentialId);
        }

        if (name.SequenceEqual("sid"u8))
        {
            return seen.First(7) && TryReadString(ref reader, Unique, out state.SessionId);
        }

        if (name.SequenceEqual("cnf"u8))
        {
            return seen.First(8) && TryReadConfirmation(ref reader, out state.Confirmation);
        }

        if (name.SequenceEqual("authorization_details"u8))
        {
            return seen.First(9) && TryReadDetails(ref reader, out state.Details);
        }

        if (name.SequenceEqual("authoriser"u8))
        {
            return seen.First(10) && TryReadAuthoriser(ref reader, out state.Authoriser);
        }

        if (name.SequenceEqual("status"u8))
        {
            return seen.First(11) && TryReadStatus(ref reader, out state.Status);
        }

        return seen.Unknown(ref reader, name);
    }

    private static bool TryReadConfirmation(ref Utf8JsonReader reader, out Confirmation? confirmation)
    {
        string? thumbprint = null;
        var ok = TryReadMemberObject(
            ref reader,
            ref thumbprint,
            static (ref Utf8JsonReader r, scoped ReadOnlySpan<byte> n, ref string? jkt, ref Members seen) =>
                n.SequenceEqual("jkt"u8) ? seen.First(0) && TryReadString(ref r, Shared, out jkt) : seen.Unknown(ref r, n),
            required: 0b1,
            nullable: false,
            out _);
        confirmation = ok ? new Confirmation { KeyThumbprint = thumbprint! } : null;
        return ok;
    }

    private static bool TryReadAuthoriser(ref Utf8JsonReader reader, out Authoriser? authoriser)
    {
        var state = default(AuthoriserState);
        var ok = TryReadMemberObject(ref reader, ref state, ReadAuthoriserMember, required: 0b1, nullable: false, out _);
        authoriser = ok ? new Authoriser { Subject = state.Subject!, Name = state.Name, ApprovalId = state.ApprovalId, ApprovedAt = state.ApprovedAt } : null;
        return ok;
    }

    private static bool ReadAuthoriserMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref AuthoriserState state, ref Members seen)
    {
        if (name.SequenceEqual("sub"u8))
        {
            return seen.First(0) && TryReadString(ref reader, Shared, out state.Subject);
        }

        if (name.SequenceEqual("name"u8))
        {
            return seen.First(1) && TryReadOptionalString(ref reader, Shared, out state.Name);
        }

        if (name.SequenceEqual("approval_id"u8))
        {
            return seen.First(2) && TryReadOptionalString(ref reader, Shared, out state.ApprovalId);
        }

        if (name.SequenceEqual("approved_at"u8))
        {
            return seen.First(3) && TryReadInt64(ref reader, out state.ApprovedAt);
        }

        return seen.Unknown(ref reader, name);
    }

    private static bool TryReadStatus(ref Utf8JsonReader reader, out StatusClaim? status)
    {
        StatusListReference? list = null;
        var ok = TryReadMemberObject(
            ref reader,
            ref list,
            static (ref Utf8JsonReader r, scoped ReadOnlySpan<byte> n, ref StatusListReference? value, ref Members seen) =>
                n.SequenceEqual("status_list"u8) ? seen.First(0) && TryReadStatusList(ref r, out value) : seen.Unknown(ref r, n),
            required: 0b1,
            nullable: true,
            out var isNull);
        status = ok && !isNull ? new StatusClaim { StatusList = list! } : null;
        return ok;
    }

    private static bool TryReadStatusList(ref Utf8JsonReader reader, out StatusListReference? list)
    {
        var state = default(StatusListState);
        var ok = TryReadMemberObject(
            ref reader,
            ref state,
            static (ref Utf8JsonReader r, scoped ReadOnlySpan<byte> n, ref StatusListState value, ref Members seen) =>
                n.SequenceEqual("idx"u8) ? seen.First(0) && r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetInt32(out value.Index)
                : n.SequenceEqual("uri"u8) ? seen.First(1) && TryReadString(ref r, Shared, out value.Uri)
                : seen.Unknown(ref r, n),
            required: 0b11,
            nullable: false,
            out _);
        list = ok ? new StatusListReference { Index = state.Index, Uri = state.Uri! } : null;
        return ok;
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
            // A detail without "type" reads as type null (as the generated deserializer does), which no grant matches.
            var state = default(DetailState);
            if (!TryReadObject(ref reader, ref state, ReadDetailMember, required: 0b10))
            {
                return false;
            }

            list.Add(new AuthorizationDetail { Type = state.Type!, Actions = state.Actions!, Locations = state.Locations, Resources = state.Resources, Constraints = state.Constraints });
        }

        details = list;
        return true;
    }

    private static bool ReadDetailMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref DetailState state, ref Members seen)
    {
        if (name.SequenceEqual("type"u8))
        {
            return seen.First(0) && TryReadString(ref reader, Shared, out state.Type);
        }

        if (name.SequenceEqual("actions"u8))
        {
            return seen.First(1) && TryReadStrings(ref reader, out state.Actions) && state.Actions is not null;
        }

        if (name.SequenceEqual("locations"u8))
        {
            return seen.First(2) && TryReadStrings(ref reader, out state.Locations);
        }

        if (name.SequenceEqual("resources"u8))
        {
            return seen.First(3) && TryReadStrings(ref reader, out state.Resources);
        }

        if (name.SequenceEqual("constraints"u8))
        {
            return seen.First(4) && TryReadConstraints(ref reader, out state.Constraints);
        }

        return seen.Unknown(ref reader, name);
    }

    private static bool TryReadConstraints(ref Utf8JsonReader reader, out ActionConstraints? constraints)
    {
        var state = default(ConstraintsState);
        var ok = TryReadMemberObject(ref reader, ref state, ReadConstraintsMember, required: 0, nullable: true, out var isNull);
        constraints = ok && !isNull
            ? new ActionConstraints { MaxAmount = state.MaxAmount, Currency = state.Currency, Destinations = state.Destinations, TimeWindow = state.TimeWindow }
            : null;
        return ok;
    }

    private static bool ReadConstraintsMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, ref ConstraintsState state, ref Members seen)
    {
        if (name.SequenceEqual("max_amount"u8))
        {
            return seen.First(0) && TryReadOptionalDecimal(ref reader, out state.MaxAmount);
        }

        if (name.SequenceEqual("currency"u8))
        {
            return seen.First(1) && TryReadOptionalString(ref reader, Shared, out state.Currency);
        }

        if (name.SequenceEqual("destinations"u8))
        {
            return seen.First(2) && TryReadStrings(ref reader, out state.Destinations);
        }

        if (name.SequenceEqual("time_window"u8))
        {
            // Rare, and its time-of-day format is the library's: the generated contract reads it.
            if (!seen.First(3) || !reader.Read())
            {
                return false;
            }

            // The generated contract refuses repeats only of the members it maps: checked on a copy of the reader first.
            var check = reader;
            if (!UniqueMembers.SkipValue(ref check))
            {
                return false;
            }

            state.TimeWindow = JsonSerializer.Deserialize(ref reader, CredentialJsonContext.Default.TimeWindow);
            return true;
        }

        return seen.Unknown(ref reader, name);
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
            var single = ReadString(ref reader, Shared);
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

        // Most lists in a credential hold one value: it gets a one-value list, without a List and its array.
        string? first = null;
        List<string>? more = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var value = ReadString(ref reader, Shared);
            if (requireNonEmpty && value.Length == 0)
            {
                return false;
            }

            if (first is null)
            {
                first = value;
            }
            else
            {
                (more ??= [first]).Add(value);
            }
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        values = more ?? (first is null ? [] : [first]);
        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, bool shared, out string? value)
    {
        value = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = ReadString(ref reader, shared);
        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader, bool shared, out string? value)
    {
        value = null;
        return reader.Read() &&
               (reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && (value = ReadString(ref reader, shared)) is not null));
    }

    /// <summary>
    /// The string the reader is on. A <paramref name="shared"/> value (one that credentials repeat) comes from
    /// <see cref="Utf8StringPool"/> when it is short, plain ASCII and unescaped, which is what the issuer writes;
    /// anything else is unescaped and checked by the library as before.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, bool shared) =>
        shared && !reader.ValueIsEscaped && reader.ValueSpan is { Length: <= Utf8StringPool.MaxLength } raw && Ascii.IsValid(raw)
            ? Utf8StringPool.Get(raw)
            : reader.GetString()!;

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
        private HashSet<string>? _unknown;

        /// <summary>
        /// Skips a member the format does not know, refusing it when its name was already seen in this object or its
        /// value repeats a member anywhere inside (a duplicate is <c>malformed</c>, known or not).
        /// </summary>
        public bool Unknown(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
        {
            _unknown ??= new HashSet<string>(StringComparer.Ordinal);
            return _unknown.Add(Encoding.UTF8.GetString(name)) && reader.Read() && UniqueMembers.SkipValue(ref reader);
        }

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

    /// <summary>The claims' members as read so far.</summary>
    private struct ClaimsState
    {
        public string? Issuer, Subject, CredentialId, SessionId;
        public IReadOnlyList<string>? Audience;
        public long IssuedAt, NotBefore, Expires;
        public Confirmation? Confirmation;
        public IReadOnlyList<AuthorizationDetail>? Details;
        public Authoriser? Authoriser;
        public StatusClaim? Status;
    }

    private struct AuthoriserState
    {
        public string? Subject, Name, ApprovalId;
        public long ApprovedAt;
    }

    private struct StatusListState
    {
        public int Index;
        public string? Uri;
    }

    private struct DetailState
    {
        public string? Type;
        public IReadOnlyList<string>? Actions, Locations, Resources;
        public ActionConstraints? Constraints;
    }

    private struct ConstraintsState
    {
        public decimal? MaxAmount;
        public string? Currency;
        public IReadOnlyList<string>? Destinations;
        public TimeWindow? TimeWindow;
    }
}
