using ExecGov.Credentials.Revocation.Storage;
using ExecGov.Credentials.Revocation.Tests.Support;
using LiteDB;

namespace ExecGov.Credentials.Revocation.Tests.Durability;

/// <summary>
/// What the crash test cannot catch from outside the process: LiteDB's own window. A plain LiteDB commit
/// leaves the change in the log file, queued for a background writer; the durable commit must leave it in
/// the data file itself, flushed, before it returns.
/// </summary>
public sealed class RevocationStoreTests
{
    [Fact]
    public void CommitDurably_leaves_every_committed_change_in_the_data_file_itself()
    {
        using var directory = new TempFolder();
        var path = directory.File("store.db");
        using var store = new RevocationStore(path);
        store.BeginTransaction();
        store.Credentials.Insert(new CredentialDocument { Id = "cred-1", SessionId = "s", AgentId = "a", AuthoriserSubject = "u", SigningKeyId = "k", ListId = 1, Index = 7, Status = 1 });
        store.CommitDurably();

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
        Assert.Equal((1, 7, 1), (credential.ListId, credential.Index, credential.Status));
        var log = directory.File("store-log.db");
        Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "the log holds nothing that the data file lacks");
    }

    [Theory]
    [InlineData("ops-raj ")]
    [InlineData(" ops-raj")]
    [InlineData("")]
    public void Strings_are_stored_exactly_as_written_without_trimming(string responder)
    {
        using var directory = new TempFolder();
        var path = directory.File("store.db");
        using (var store = new RevocationStore(path))
        {
            store.BeginTransaction();
            store.Acts.Insert(new ActDocument { Id = 1, Scope = "agent", Target = "agent-1", Action = "revoke", Responder = responder, Reason = "leaked key\t " });
            store.CommitDurably();
        }

        using var reopened = new RevocationStore(path);
        var act = reopened.Acts.FindById(1);
        Assert.Equal(responder, act.Responder);
        Assert.Equal("leaked key\t ", act.Reason);
    }
}
