using System.Text;
using ExecGov.Credentials.Files;

namespace ExecGov.Credentials.Shared.Tests.Files;

public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("execgov-owner-only-").FullName;

    [Fact]
    public void A_new_file_is_owner_only_and_holds_the_content()
    {
        var path = Path.Combine(_folder, "secret.json");

        OwnerOnlyFile.Write(path, "{\"s\":1}"u8, overwrite: false);

        Assert.Equal("{\"s\":1}", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(OwnerOnlyFile.IsAccessibleByOthers(path, out _));
        Assert.Equal(["secret.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_file_is_not_replaced_without_overwrite()
    {
        var path = Path.Combine(_folder, "key.json");
        File.WriteAllText(path, "old");

        Assert.ThrowsAny<IOException>(() => OwnerOnlyFile.Write(path, "new"u8, overwrite: false));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Overwriting_a_readable_file_replaces_it_with_an_owner_only_one()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_folder, "profile.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.True(OwnerOnlyFile.IsAccessibleByOthers(path, out var before));
        Assert.Equal("644", OwnerOnlyFile.Octal(before));

        OwnerOnlyFile.Write(path, Encoding.UTF8.GetBytes("new"), overwrite: true);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_missing_folder_is_created_owner_only()
    {
        var folder = Path.Combine(_folder, "a", "b");

        OwnerOnlyFile.CreateFolder(folder);

        Assert.True(Directory.Exists(folder));
        Assert.False(OwnerOnlyFile.IsAccessibleByOthers(folder, out _));
    }

    [Fact]
    public void A_write_into_a_missing_folder_fails_and_leaves_nothing()
    {
        var path = Path.Combine(_folder, "missing", "key.json");

        Assert.ThrowsAny<IOException>(() => OwnerOnlyFile.Write(path, "x"u8, overwrite: true));

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
