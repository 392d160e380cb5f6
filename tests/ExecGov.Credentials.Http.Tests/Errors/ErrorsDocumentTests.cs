using System.Globalization;
using System.Text.RegularExpressions;
using ExecGov.Credentials.Http.Errors;

namespace ExecGov.Credentials.Http.Tests.Errors;

/// <summary>docs/errors.md lists exactly the catalogue's codes, each with the catalogue's status.</summary>
public sealed partial class ErrorsDocumentTests
{
    [Fact]
    public async Task Errors_md_lists_exactly_the_catalogue_codes()
    {
        var documented = await DocumentedAsync();

        var catalogue = ErrorCatalogue.All.Select(ErrorCatalogue.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(catalogue, documented.Select(row => row.Code).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Errors_md_gives_each_code_the_catalogue_status()
    {
        var documented = await DocumentedAsync();

        foreach (var code in ErrorCatalogue.All)
        {
            var row = Assert.Single(documented, row => row.Code == ErrorCatalogue.Code(code));
            Assert.True(ErrorCatalogue.Status(code) == row.Status, $"{row.Code}: docs/errors.md says {row.Status}, the catalogue {ErrorCatalogue.Status(code)}");
        }
    }

    private static async Task<List<(string Code, int Status)>> DocumentedAsync()
    {
        var text = await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "errors.md"));
        var rows = Row().Matches(text).Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, rows.Select(r => r.Item1).Distinct(StringComparer.Ordinal).Count());
        return rows;
    }

    // A table row: | `code` | status | when |
    [GeneratedRegex(@"^\| `(?<code>[a-z_]+)` \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
