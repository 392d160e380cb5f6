using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

/// <summary>Issue 6 §4: each error a person can act on is one line saying what is wrong and what to do, with a non-zero exit.</summary>
public sealed class ErrorTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    /// <summary>What a .NET type name in a message looks like: a namespace, a CLR primitive, or the runtime's own words.</summary>
    private const string DotnetTypeName = @"System\.|ExecGov\.|Microsoft\.|LiteDB|Int32|Int64|Decimal|Boolean|Nullable|Exception|\.NET";

    [Fact]
    public async Task A_malformed_issuer_url_is_exit_2_with_an_example()
    {
        var result = await fixture.Cli.RunAsync("--issuer", "htp:/127.0.0.1", "status");

        result.ExpectOneLineError(2, "--issuer", "not an http(s) base URL", "http://127.0.0.1:5080");
    }

    [Fact]
    public async Task A_url_that_is_not_an_issuer_is_exit_5_naming_the_url()
    {
        using var listener = new HttpListener();
        var port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                context.Response.StatusCode = 404;
                await context.Response.OutputStream.WriteAsync("<html>nothing here</html>"u8.ToArray());
                context.Response.Close();
            }
        });

        var status = await fixture.Cli.RunAsync("--issuer", $"http://127.0.0.1:{port}", "status");
        var login = await fixture.Cli.RunAsync("--issuer", $"http://127.0.0.1:{port}", "--profile", "elsewhere", "login", "--secret-file", fixture.Issuer.BootstrapSecretFile);
        listener.Stop();
        await serve;

        status.ExpectOneLineError(5, $"127.0.0.1:{port}", "does not look like an ExecGov issuer");
        login.ExpectOneLineError(5, "does not look like an ExecGov issuer");
    }

    [Fact]
    public async Task A_service_that_is_down_is_exit_5_saying_how_to_start_it()
    {
        var port = FreePort.Next();

        var results = await Task.WhenAll(
            fixture.Cli.RunAsync("--issuer", $"http://127.0.0.1:{port}", "status"),
            fixture.Cli.RunAsync("--issuer", $"http://127.0.0.1:{port}", "--profile", "down", "login", "--secret-file", fixture.Issuer.BootstrapSecretFile));

        foreach (var result in results)
        {
            result.ExpectOneLineError(5, "Cannot reach the issuer", "connection refused", "dotnet run --project src/Issuer/ExecGov.Credentials.Issuer.Server");
        }
    }

    [Fact]
    public async Task An_expired_admin_token_is_exit_6_telling_to_run_login()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);
        (await cli.RunAsync("login", "--secret-file", fixture.Issuer.BootstrapSecretFile)).Expect(0);
        var profileFile = Path.Combine(folder.File("config"), "profiles", "default.json");
        var profile = JsonNode.Parse(File.ReadAllText(profileFile))!;
        profile["expires_at"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        File.WriteAllText(profileFile, profile.ToJsonString());

        var result = await cli.RunAsync("agents", "list");

        result.ExpectOneLineError(6, "expired", "run execgov login");
    }

    [Fact]
    public async Task A_token_the_issuer_no_longer_accepts_is_exit_6_telling_to_run_login()
    {
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), fixture.Issuer.Url);
        (await cli.RunAsync("login", "--secret-file", fixture.Issuer.BootstrapSecretFile)).Expect(0);
        var profileFile = Path.Combine(folder.File("config"), "profiles", "default.json");
        var profile = JsonNode.Parse(File.ReadAllText(profileFile))!;
        var token = profile["access_token"]!.GetValue<string>();
        profile["access_token"] = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        File.WriteAllText(profileFile, profile.ToJsonString());

        var result = await cli.RunAsync("keys", "list");

        result.ExpectOneLineError(6, "refused your admin token", "run execgov login");
    }

    [Fact]
    public async Task Missing_key_files_are_exit_3_naming_the_file_and_the_fix()
    {
        var missing = Path.Combine(fixture.Work, "no-such-agent.key.json");

        var results = await Task.WhenAll(
            fixture.Cli.RunAsync("credentials", "request", "--agent", "a1", "--key", missing, "--audience", "payments-api", "--action", "invoices.read"),
            fixture.Cli.RunAsync("agents", "register", "--id", "a1", "--public-key", missing, "--owner", "o", "--audience", "payments-api", "--action", "invoices.read"),
            fixture.Cli.RunAsync("credentials", "inspect", missing),
            fixture.Cli.RunAsync("login", "--secret-file", missing));

        foreach (var result in results)
        {
            result.ExpectOneLineError(3, missing, "does not exist");
        }
    }

    [Theory]
    [InlineData("not a token", "not a compact JWS")]
    [InlineData("a.b", "not a compact JWS")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.!!!.c2ln", "base64url")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln", "not an ExecGov credential")]
    public async Task A_malformed_token_is_exit_2_saying_what_is_wrong(string token, string why)
    {
        var file = Path.Combine(fixture.Work, $"malformed-{Guid.NewGuid():N}.jwt");
        await File.WriteAllTextAsync(file, token);

        var inspect = await fixture.Cli.RunAsync("credentials", "inspect", file);
        var piped = await fixture.Cli.RunWithInputAsync(token, "credentials", "inspect", "-");

        inspect.ExpectOneLineError(2, "malformed", why);
        piped.ExpectOneLineError(2, "malformed", why);
    }

    [Theory]
    [InlineData(new[] { "agents", "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "agents", "show" }, "agent-id")]
    [InlineData(new[] { "credentials", "issue", "--agent", "x", "--audience", "a", "--action", "b", "--lifetime", "soon" }, "--lifetime")]
    [InlineData(new[] { "revoke", "agent", "x" }, "--reason")]
    [InlineData(new[] { "credentials", "approvals", "--status", "maybe" }, "maybe")]
    [InlineData(new[] { "--profile", "../etc", "agents", "list" }, "--profile")]
    public async Task Bad_arguments_are_exit_1_pointing_at_help(string[] arguments, string fragment)
    {
        var result = await fixture.Cli.RunAsync(arguments);

        var line = result.ExpectOneLineError(1, fragment);
        Assert.True(line.Contains("--help", StringComparison.Ordinal) || line.Contains("profile name", StringComparison.Ordinal), line);
    }

    [Theory]
    [InlineData("credentials", "issue", "--lifetime")]
    [InlineData("credentials", "request", "--lifetime")]
    [InlineData("credentials", "request", "--wait")]
    [InlineData("agents", "register", "--max-lifetime")]
    public async Task A_duration_without_a_unit_is_exit_1_not_read_as_days(string group, string command, string option)
    {
        var keyFile = Path.Combine(fixture.Work, $"unitless-{Guid.NewGuid():N}.key.json");
        using (ExecGov.Credentials.Agent.Keys.AgentKey.Create(keyFile))
        {
        }

        string[] rest = command switch
        {
            "issue" => ["--agent", "x", "--audience", "payments-api", "--action", "invoices.read"],
            "request" => ["--agent", "x", "--key", keyFile, "--audience", "payments-api", "--action", "invoices.read"],
            _ => ["--id", $"unitless-{Guid.NewGuid():N}", "--public-key", keyFile, "--owner", "o", "--audience", "payments-api", "--action", "invoices.read"],
        };

        var result = await fixture.Cli.RunAsync([group, command, .. rest, option, "10"]);

        result.ExpectOneLineError(1, option, "'10' has no unit", "10m");
    }

    [Theory]
    [InlineData("Infinitym")]
    [InlineData("1e9d")]
    [InlineData("-5m")]
    [InlineData("99999999999d")]
    [InlineData("10:00")]
    public async Task A_duration_that_is_not_one_is_exit_1_naming_the_forms(string duration)
    {
        var result = await fixture.Cli.RunAsync("credentials", "issue", "--agent", "x", "--audience", "payments-api", "--action", "invoices.read", "--lifetime", duration);

        result.ExpectOneLineError(1, "--lifetime", duration);
    }

    [Theory]
    [InlineData("v1/credentials", """{"agent_id":"a","audience":["payments-api"],"authorization_details":[],"lifetime_seconds":"ten"}""", "$.lifetime_seconds must be a number")]
    [InlineData("v1/credentials", """{"agent_id":"a","audience":["payments-api"],"authorization_details":[],"colour":"red"}""", "unknown member 'colour'")]
    [InlineData("v1/credentials", """{"audience":["payments-api"],"authorization_details":[]}""", "missing required member(s) 'agent_id'")]
    [InlineData("v1/agents", """{"id":"a","allowed_audiences":"payments-api","display_name":"a","owner":"o","public_key":{},"ceiling":[]}""", "$.allowed_audiences must be an array")]
    [InlineData("v1/revocations", """{"scope":5,"target":"x","action":"revoke","reason":"r"}""", "$.scope must be a string")]
    public async Task Problem_details_name_the_member_and_the_kind_never_a_dotnet_type(string path, string body, string expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Issuer.Url + "/") };
        var profile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Cli.ConfigDirectory, "profiles", "default.json")))!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", profile["access_token"]!.GetValue<string>());

        using var response = await http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(DotnetTypeName, detail);
    }

    [Fact]
    public async Task A_scope_value_of_the_wrong_kind_is_one_line_without_a_dotnet_type()
    {
        var agent = await fixture.RegisterAgentAsync();
        var scope = Path.Combine(fixture.Work, "wrong-kind-scope.json");
        await File.WriteAllTextAsync(scope, """[{"type":"execgov_action","actions":["payments.release"],"constraints":{"max_amount":"lots"}}]""");

        var issued = await fixture.Cli.RunAsync("credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--scope-file", scope);
        var requested = await fixture.Cli.RunAsync("credentials", "request", "--agent", agent.Id, "--key", agent.KeyFile, "--audience", "payments-api", "--scope-file", scope);

        foreach (var result in new[] { issued, requested })
        {
            var line = result.ExpectOneLineError(2, "max_amount");
            Assert.DoesNotMatch(DotnetTypeName, line);
        }
    }

    [Fact]
    public async Task A_client_without_the_role_is_told_which_role_it_lacks()
    {
        var rotate = await fixture.Cli.RunAsync("--profile", "ines", "keys", "rotate");
        var agents = await fixture.Cli.RunAsync("--profile", "ines", "--json", "agents", "list");

        rotate.ExpectOneLineError(6, "lacks the role", "needs the role 'admin'", "this client has the roles approver", "execgov login");
        agents.ExpectOneLineError(6, "needs one of the roles 'admin', 'responder', 'auditor'");
        Assert.Equal("forbidden", agents.Json["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_with_json_are_also_a_json_document_on_standard_output()
    {
        var result = await fixture.Cli.RunAsync("--json", "agents", "show", "agent-that-does-not-exist");

        result.ExpectOneLineError(3, "agent_not_found");
        Assert.Equal("agent_not_found", result.Json["error"]!["code"]!.GetValue<string>());
        Assert.Equal(3, result.Json["error"]!["exit_code"]!.GetValue<int>());
    }
}
