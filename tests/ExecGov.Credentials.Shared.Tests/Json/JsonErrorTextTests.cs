using System.Text.Json;
using System.Text.Json.Serialization;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Json;

namespace ExecGov.Credentials.Tests.Json;

/// <summary>Issue 16 §12: what a person reads about refused JSON names the member and the kind of value, never a .NET type.</summary>
public sealed partial class JsonErrorTextTests
{
    [Theory]
    [InlineData("""{"id":"a","lifetime_seconds":"ten"}""", "$.lifetime_seconds must be a number")]
    [InlineData("""{"id":"a","lifetime_seconds":1.5}""", "$.lifetime_seconds must be a whole number")]
    [InlineData("""{"id":5}""", "$.id must be a string")]
    [InlineData("""{"id":"a","enabled":"yes"}""", "$.enabled must be true or false")]
    [InlineData("""{"id":"a","amount":"lots"}""", "$.amount must be a number")]
    [InlineData("""{"id":"a","tags":"x"}""", "$.tags must be an array")]
    [InlineData("""{"id":"a","at":"monday"}""", "$.at must be a date and time")]
    [InlineData("""{"id":"a","nested":7}""", "$.nested must be a value of the documented form")]
    [InlineData("""{"id":"a","bogus":1}""", "unknown member 'bogus'")]
    [InlineData("""{"lifetime_seconds":1}""", "missing required member(s) 'id'")]
    [InlineData("""{"id":"a",}""", "not valid JSON at")]
    [InlineData("""{"id":"a","id":"b"}""", "duplicate member")]
    public void Describes_the_member_and_the_kind_without_a_type_name(string json, string expected)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, SampleContext.Default.Sample));

        var text = JsonErrorText.Describe(exception);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"System\.|ExecGov\.|Int32|Int64|Decimal|Boolean|DateTimeOffset|\.NET", text);
    }

    [Fact]
    public void Describes_a_refused_authorization_detail_without_a_type_name()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(
            """[{"type":"execgov_action","actions":["a"],"constraints":{"max_amount":"lots"}}]""", CredentialJsonContext.Default.ListAuthorizationDetail));

        var text = JsonErrorText.Describe(exception);

        Assert.Contains("max_amount", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"System\.|ExecGov\.|Decimal|\.NET", text);
    }

    internal sealed record Sample
    {
        [JsonPropertyName("id")]
        public required string Id { get; init; }

        [JsonPropertyName("lifetime_seconds")]
        public long? LifetimeSeconds { get; init; }

        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; }

        [JsonPropertyName("amount")]
        public decimal? Amount { get; init; }

        [JsonPropertyName("tags")]
        public IReadOnlyList<string>? Tags { get; init; }

        [JsonPropertyName("at")]
        public DateTimeOffset? At { get; init; }

        [JsonPropertyName("nested")]
        public Sample? Nested { get; init; }
    }

    [JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false)]
    [JsonSerializable(typeof(Sample))]
    internal sealed partial class SampleContext : JsonSerializerContext;
}
