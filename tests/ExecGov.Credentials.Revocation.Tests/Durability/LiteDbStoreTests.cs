using ExecGov.Credentials.Store;
using ExecGov.Credentials.Revocation.Tests.Support;
using LiteDB;

namespace ExecGov.Credentials.Revocation.Tests.Durability;

/// <summary>
/// What the crash test cannot catch from outside the process: LiteDB's own window. A plain LiteDB commit
/// leaves the change in the log file, queued for a background writer; the durable commit must leave it in
/// the data file itself, flushed, before it returns.
/// </summary>
public sealed class LiteDbStoreTests
{
    [Fact]
    public async Task A_durable_unit_leaves_every_committed_change_in_the_data_file_itself()
    {
        using var directory = new TempFolder();
        var path = directory.File("store.db");
        using var store = new LiteDbStore(path, durable: true);
        await store.WriteAsync(_ => store.Credentials.Insert(new CredentialDocument { Id = "cred-1", SessionId = "s", AgentId = "a", AuthoriserSubject = "u", KeyId = "k", ListId = 1, StatusIndex = 7, Status = 1 }), CancellationToken.None);

        // Copy only the data file, as if the log were lost: the change must already be there.
        var copy = directory.File("copy.db");
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var target = File.Create(copy))
        {
            source.CopyTo(target);
        }

        using var reopened = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
        var credential = reopened.GetCollection<CredentialDocument>("credentials").FindById("cred-1");
        Assert.NotNull(credential);
        Assert.Equal((1, 7, 1), (credential.ListId, credential.StatusIndex, credential.Status));
        var log = directory.File("store-log.db");
        Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "the log holds nothing that the data file lacks");
    }

    [Theory]
    [InlineData("ops-raj ")]
    [InlineData(" ops-raj")]
    [InlineData("")]
    public async Task Strings_are_stored_exactly_as_written_without_trimming(string responder)
    {
        using var directory = new TempFolder();
        var path = directory.File("store.db");
        using (var store = new LiteDbStore(path, durable: true))
        {
            await store.WriteAsync(_ => store.Acts.Insert(new ActDocument { Id = 1, Scope = "agent", Target = "agent-1", Action = "revoke", Responder = responder, Reason = "leaked key\t " }), CancellationToken.None);
        }

        using var reopened = new LiteDbStore(path, durable: true);
        var act = reopened.Acts.FindById(1);
        Assert.Equal(responder, act.Responder);
        Assert.Equal("leaked key\t ", act.Reason);
    }

    [Fact]
    public async Task A_failing_unit_rolls_back_alone_and_its_hooks_never_run()
    {
        using var directory = new TempFolder();
        using var store = new LiteDbStore(directory.File("store.db"), durable: true);
        var hooks = new List<string>();

        var failing = store.WriteAsync<bool>(tx =>
        {
            store.Blocks.Insert(new BlockDocument { Id = "agent:a", Scope = "agent", Target = "a", Action = "revoke", ActId = 1 });
            tx.OnCommitted(() => hooks.Add("failing committed"));
            tx.OnDurable(() => hooks.Add("failing durable"));
            throw new InvalidOperationException("refused");
        }, CancellationToken.None);
        var discarded = store.WriteAsync(tx =>
        {
            store.Blocks.Insert(new BlockDocument { Id = "agent:b", Scope = "agent", Target = "b", Action = "revoke", ActId = 2 });
            tx.OnDurable(() => hooks.Add("discarded durable"));
            tx.Discard();
            return "no";
        }, CancellationToken.None);
        var good = store.WriteAsync(tx =>
        {
            store.Blocks.Insert(new BlockDocument { Id = "agent:c", Scope = "agent", Target = "c", Action = "revoke", ActId = 3 });
            tx.OnCommitted(() => hooks.Add("good committed"));
            tx.OnDurable(() => hooks.Add("good durable"));
            return "yes";
        }, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("no", await discarded);
        Assert.Equal("yes", await good);
        Assert.Equal(["agent:c"], store.Blocks.FindAll().Select(b => b.Id));
        Assert.Equal(["good committed", "good durable"], hooks);
    }

    [Fact]
    public async Task A_unit_cannot_start_another_one()
    {
        using var directory = new TempFolder();
        using var store = new LiteDbStore(directory.File("store.db"), durable: true);

        var nested = store.WriteAsync(_ => store.WriteAsync(_ => true, CancellationToken.None), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => nested);
    }
}
