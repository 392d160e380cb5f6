using ExecGov.Credentials.Issuer.Admins;

namespace ExecGov.Credentials.Issuer.Tests.Admins;

public sealed class SecretHasherTests
{
    [Fact]
    public void Right_secret_verifies_and_others_do_not()
    {
        var secret = SecretHasher.NewSecret();
        var stored = SecretHasher.Hash(secret);

        Assert.True(SecretHasher.Verify(secret, stored));
        Assert.False(SecretHasher.Verify(secret + "x", stored));
        Assert.False(SecretHasher.Verify(null, stored));
        Assert.False(SecretHasher.Verify(secret, null));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_secret_hashes_differently_each_time() =>
        Assert.NotEqual(SecretHasher.Hash("s3cret-value"), SecretHasher.Hash("s3cret-value"));

    [Theory]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$1$AAAA$AAAA")]
    [InlineData("md5$100000$AAAA$AAAA")]
    public void Malformed_or_weak_stored_hash_never_verifies(string stored) => Assert.False(SecretHasher.Verify("anything", stored));
}
