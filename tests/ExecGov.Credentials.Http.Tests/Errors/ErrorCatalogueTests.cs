using System.Text.RegularExpressions;
using ExecGov.Credentials.Http.Errors;

namespace ExecGov.Credentials.Http.Tests.Errors;

public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void Every_code_has_a_distinct_snake_case_string_a_status_and_a_title()
    {
        var strings = ErrorCatalogue.All.Select(ErrorCatalogue.Code).ToList();

        Assert.Equal(strings.Count, strings.Distinct(StringComparer.Ordinal).Count());
        Assert.All(strings, s => Assert.Matches(SnakeCase(), s));
        Assert.All(ErrorCatalogue.All, code => Assert.InRange(ErrorCatalogue.Status(code), 400, 599));
        Assert.All(ErrorCatalogue.All, code => Assert.False(string.IsNullOrWhiteSpace(ErrorCatalogue.Title(code))));
        Assert.All(ErrorCatalogue.All, code => Assert.Equal("urn:execgov:error:" + ErrorCatalogue.Code(code), ErrorCatalogue.Type(code)));
    }

    [Fact]
    public void An_oversized_body_is_413_payload_too_large()
    {
        Assert.Equal("payload_too_large", ErrorCatalogue.Code(ErrorCode.PayloadTooLarge));
        Assert.Equal(413, ErrorCatalogue.Status(ErrorCode.PayloadTooLarge));
        Assert.Equal(ErrorCode.PayloadTooLarge, ErrorCatalogue.ForStatus(413));
    }

    [Theory]
    [InlineData(400, ErrorCode.InvalidRequest)]
    [InlineData(401, ErrorCode.Unauthorized)]
    [InlineData(404, ErrorCode.NotFound)]
    [InlineData(405, ErrorCode.MethodNotAllowed)]
    [InlineData(415, ErrorCode.UnsupportedMediaType)]
    [InlineData(429, ErrorCode.RateLimited)]
    [InlineData(500, ErrorCode.InternalError)]
    [InlineData(502, ErrorCode.InternalError)]
    public void ForStatus_maps_a_bare_status_to_its_generic_code(int status, ErrorCode expected) =>
        Assert.Equal(expected, ErrorCatalogue.ForStatus(status));

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
