using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Globalization;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Revocation.CrashHost;
using ExecGov.Credentials.Revocation.Registry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Test-only host: `CrashHost <database file> <credentials to register>`. Prints "READY <base url>" once it
// serves. The crash test kills it with SIGKILL and starts it again on the same file.
var database = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
using var key = Ed25519SigningKey.Generate();
builder.Services.AddSingleton<IStatusListSigningKeyProvider>(new FixedSigningKey(key));
builder.Services.AddRevocation(options =>
{
    options.DatabasePath = database;
    options.PublicBaseUri = new Uri("http://127.0.0.1");
    options.ListSize = 1_024;
});
builder.Services.AddAuthentication(EveryoneIsResponder.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, EveryoneIsResponder>(EveryoneIsResponder.SchemeName, null);
builder.Services.AddAuthorizationBuilder().AddPolicy("responder", policy => policy.RequireAuthenticatedUser());

var app = builder.Build();
app.MapRevocationEndpoints();
app.MapRevocationAdminEndpoints("responder");
app.MapGet("/test/key", () => Results.Text(Base64Url.EncodeToString(key.PublicKeyBytes.Span) + " " + key.KeyId));
app.MapGet("/test/credentials/{id}", (string id, RevocationRegistry registry) =>
    registry.FindCredential(id) is { } c ? Results.Text($"{c.ListId} {c.StatusIndex} {c.Status}") : Results.NotFound());
app.MapGet("/test/acts/{id:long}", (long id, RevocationRegistry registry) =>
    registry.FindAct(id) is { } a ? Results.Text($"{a.Scope} {a.Target} {a.Action} {a.Responder}") : Results.NotFound());

await app.StartAsync();
var allocator = app.Services.GetRequiredService<RevocationRegistry>();
await Task.WhenAll(Enumerable.Range(0, count).Select(i => allocator.AllocateAsync(
    new CredentialRegistration
    {
        CredentialId = $"cred-{i:D5}",
        SessionId = $"ses-{i % 16}",
        AgentId = $"agent-{i % 8}",
        AuthoriserSubject = "approver@example.org",
        SigningKeyId = "key-1",
        ExpiresAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
    },
    CancellationToken.None)));

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.WriteLine("READY " + address);
Console.Out.Flush();
await app.WaitForShutdownAsync();
