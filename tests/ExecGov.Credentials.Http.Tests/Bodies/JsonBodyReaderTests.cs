using System.Text;
using System.Text.Json.Serialization;
using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Http.Tests.Bodies;

public sealed class JsonBodyReaderTests
{
    private const int Limit = 64;

    [Fact]
    public async Task A_body_of_the_shape_is_read()
    {
        var result = await JsonBodyReader.ReadAsync(Request("""{"name":"a"}"""), TestJsonContext.Default.Named, Limit);

        Assert.False(result.Failed);
        Assert.Equal("a", result.Value.Name);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Json_media_types_are_accepted(string contentType)
    {
        var result = await JsonBodyReader.ReadAsync(Request("""{"name":"a"}""", contentType), TestJsonContext.Default.Named, Limit);

        Assert.False(result.Failed);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Another_media_type_is_415_unsupported_media_type(string? contentType)
    {
        var result = await JsonBodyReader.ReadAsync(Request("""{"name":"a"}""", contentType), TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.UnsupportedMediaType, 415);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413_before_reading()
    {
        var request = Request("""{"name":"a"}""");
        request.ContentLength = Limit + 1;

        var result = await JsonBodyReader.ReadAsync(request, TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.PayloadTooLarge, 413);
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var request = Request("{\"name\":\"" + new string('x', Limit) + "\"}", contentLength: false);

        var result = await JsonBodyReader.ReadAsync(request, TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.PayloadTooLarge, 413);
    }

    [Fact]
    public async Task A_body_longer_than_its_declared_length_is_still_bounded()
    {
        var request = Request("{\"name\":\"" + new string('x', 4 * Limit) + "\"}");
        request.ContentLength = 2;

        var result = await JsonBodyReader.ReadAsync(request, TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.PayloadTooLarge, 413);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        var json = "{\"name\":\"" + new string('x', Limit - 11) + "\"}";
        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(json));

        var result = await JsonBodyReader.ReadAsync(Request(json, contentLength: false), TestJsonContext.Default.Named, Limit);

        Assert.False(result.Failed);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"name\":\"a\",\"extra\":1}")]
    [InlineData("{\"name\":\"a\",\"name\":\"b\"}")]
    [InlineData("{}")]
    public async Task A_body_not_of_the_shape_is_400_invalid_json(string json)
    {
        var result = await JsonBodyReader.ReadAsync(Request(json), TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.InvalidJson, 400);
        Assert.DoesNotContain("ExecGov", result.Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_400_invalid_json()
    {
        var result = await JsonBodyReader.ReadAsync(Request(string.Empty), TestJsonContext.Default.Named, Limit);

        AssertRefused(result, ErrorCode.InvalidJson, 400);
    }

    [Fact]
    public async Task The_parser_sees_the_whole_body_and_the_buffer_is_wiped_afterwards()
    {
        ReadOnlyMemory<byte> seen = default;
        var result = await JsonBodyReader.ReadAsync(Request("""{"name":"secret"}""", contentLength: false), Limit, body =>
        {
            seen = body;
            return BodyResult<string>.Ok(Encoding.UTF8.GetString(body.Span));
        });

        Assert.Equal("""{"name":"secret"}""", result.Value);
        Assert.All(seen.ToArray(), b => Assert.Equal(0, b));
    }

    private static void AssertRefused<T>(BodyResult<T> result, ErrorCode code, int status)
    {
        Assert.True(result.Failed);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(status, ErrorCatalogue.Status(result.Error.Code));
        Assert.False(string.IsNullOrEmpty(result.Error.Detail));
    }

    private static HttpRequest Request(string body, string? contentType = "application/json", bool contentLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(bytes);
        if (contentLength)
        {
            context.Request.ContentLength = bytes.Length;
        }
        else
        {
            context.Request.Headers.TransferEncoding = "chunked";
        }

        return context.Request;
    }
}

internal sealed record Named
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}

[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(Named))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
