using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>A registry on a real LiteDB file in a temp folder, with a fake clock; reopen it to simulate a restart.</summary>
internal sealed class RegistryHarness : IDisposable
{
    public static readonly Uri Base = new("https://issuer.example");

    private readonly TempFolder _directory = new();

    public RegistryHarness(Action<RevocationOptions>? configure = null)
    {
        DatabasePath = _directory.File(LiteDbStore.FileName);
        Options = new RevocationOptions
        {
            PublicBaseUri = Base,
            ListSize = 64,
            EventRetention = 1_000,
        };
        configure?.Invoke(Options);
        Registry = Open();
    }

    public RevocationOptions Options { get; }

    public string DatabasePath { get; }

    public LiteDbStore Store { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public TestSigningKeys Keys { get; } = new();

    public RecordingKeyHandler KeyHandler { get; } = new();

    public Registrations Data { get; } = new();

    public RevocationRegistry Registry { get; private set; }

    public static string ListUri(int id) => $"https://issuer.example/status-lists/{id}";

    /// <summary>Closes the registry cleanly and opens a new one on the same file.</summary>
    public RevocationRegistry Restart()
    {
        Registry.Dispose();
        Store.Dispose();
        Registry = Open();
        return Registry;
    }

    public async Task<StatusListReference> AllocateAsync(CredentialRegistration registration) =>
        await Registry.AllocateAsync(registration, CancellationToken.None);

    public async Task<RevocationResult> ApplyAsync(RevocationScope scope, string target, RevocationAction action) =>
        await Registry.ApplyAsync(new RevocationRequest { Scope = scope, Target = target, Action = action, Responder = "responder@example.org", Reason = "incident 42" }, null, CancellationToken.None);

    /// <summary>The published, verified token of a list.</summary>
    public DecodedToken Token(int listId)
    {
        var published = Registry.Publisher.Get(listId);
        Assert.NotNull(published);
        Assert.NotNull(published.Token);
        return DecodedToken.Verify(published.Token, Keys.Find);
    }

    public StatusValue StatusOf(StatusListReference reference) => Token(ListIdOf(reference)).List.Get(reference.Index);

    public static int ListIdOf(StatusListReference reference) =>
        int.Parse(reference.Uri[(reference.Uri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Registry.Dispose();
        Store.Dispose();
        Keys.Dispose();
        _directory.Dispose();
    }

    private RevocationRegistry Open()
    {
        Store = new LiteDbStore(DatabasePath, durable: true);
        return new(Microsoft.Extensions.Options.Options.Create(Options), Store, Keys, KeyHandler, Time);
    }
}
