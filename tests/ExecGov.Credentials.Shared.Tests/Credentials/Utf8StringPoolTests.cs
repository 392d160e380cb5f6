using System.IO.Hashing;
using System.Text;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Tests.Credentials;

/// <summary>The pool of repeated claim values: one instance per value, and never a string that is not the value.</summary>
public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Get_answers_a_repeated_value_with_the_same_instance()
    {
        var first = Utf8StringPool.Get("https://issuer.pool-test.example"u8);
        var second = Utf8StringPool.Get("https://issuer.pool-test.example"u8);

        Assert.Equal("https://issuer.pool-test.example", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Get_answers_values_that_share_a_slot_each_with_itself()
    {
        // Two values whose hashes pick the same slot (found by trying), asked for in turn.
        var (one, other) = TwoValuesInOneSlot();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(one, Utf8StringPool.Get(Encoding.ASCII.GetBytes(one)));
            Assert.Equal(other, Utf8StringPool.Get(Encoding.ASCII.GetBytes(other)));
        }
    }

    [Fact]
    public void Get_does_not_confuse_values_of_the_same_length_or_prefix()
    {
        Assert.Equal("payments.release", Utf8StringPool.Get("payments.release"u8));
        Assert.Equal("payments.refunds", Utf8StringPool.Get("payments.refunds"u8));
        Assert.Equal("payments.release.all", Utf8StringPool.Get("payments.release.all"u8));
        Assert.Equal("payments.release", Utf8StringPool.Get("payments.release"u8));
    }

    [Fact]
    public void Claims_read_twice_share_their_repeated_values_but_not_their_ids()
    {
        var json = """
            {"iss":"https://issuer.pool-test.example","sub":"agent-pool","aud":"api","iat":1,"nbf":1,"exp":2,"jti":"c-1","sid":"s-1",
             "cnf":{"jkt":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"},
             "authorization_details":[{"type":"execgov_action","actions":["payments.release"]}],"authoriser":{"sub":"admin-1"}}
            """u8;

        Assert.True(CredentialClaimsReader.TryRead(json, out var first));
        Assert.True(CredentialClaimsReader.TryRead(json, out var second));

        Assert.Same(first.Issuer, second.Issuer);
        Assert.Same(first.AuthorizationDetails[0].Actions[0], second.AuthorizationDetails[0].Actions[0]);
        Assert.NotSame(first.CredentialId, second.CredentialId);
    }

    private static (string One, string Other) TwoValuesInOneSlot()
    {
        var bySlot = new Dictionary<ulong, string>();
        for (var i = 0; ; i++)
        {
            var value = $"pool-collision-{i}";
            var slot = XxHash3.HashToUInt64(Encoding.ASCII.GetBytes(value)) & (Utf8StringPool.Slots - 1);
            if (bySlot.TryGetValue(slot, out var earlier))
            {
                return (earlier, value);
            }

            bySlot[slot] = value;
        }
    }
}
