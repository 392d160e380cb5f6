using System.Text.Json;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Http.Tests.Problems;

public sealed class ProblemWriterTests
{
    [Fact]
    public async Task A_catalogue_error_is_written_as_problem_json_with_its_code()
    {
        var context = Context("/v1/revocations");

        await ProblemWriter.WriteAsync(context, new HttpError(ErrorCode.PayloadTooLarge, "The body may be at most 8192 bytes."));

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        var problem = Body(context);
        Assert.Equal("urn:execgov:error:payload_too_large", problem.GetProperty("type").GetString());
        Assert.Equal(ErrorCatalogue.Title(ErrorCode.PayloadTooLarge), problem.GetProperty("title").GetString());
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("The body may be at most 8192 bytes.", problem.GetProperty("detail").GetString());
        Assert.Equal("/v1/revocations", problem.GetProperty("instance").GetString());
        Assert.Equal("payload_too_large", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("field", out _));
        Assert.False(problem.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_field_error_names_the_field()
    {
        var context = Context("/v1/verify");

        await ProblemWriter.Result(new HttpError(ErrorCode.MissingField, "The required field 'url' is missing or null.", "url")).ExecuteAsync(context);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("url", Body(context).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_document_without_a_code_carries_only_the_members_it_sets()
    {
        var context = Context("/v1/payments");

        await ProblemWriter.WriteAsync(context, new ProblemDocument { Type = "urn:execgov:reason:revoked", Title = "t", Status = 403, Reason = "revoked", DecisionId = "d-1" });

        Assert.Equal(403, context.Response.StatusCode);
        var problem = Body(context);
        Assert.Equal("revoked", problem.GetProperty("reason").GetString());
        Assert.Equal("d-1", problem.GetProperty("decision_id").GetString());
        Assert.False(problem.TryGetProperty("code", out _));
        Assert.False(problem.TryGetProperty("detail", out _));
        Assert.False(problem.TryGetProperty("instance", out _));
    }

    private static DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var document = JsonDocument.Parse(context.Response.Body);
        return document.RootElement.Clone();
    }
}
