using System.IO.Hashing;
using System.Text;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// One string instance for each short ASCII value that claims repeat from credential to credential (issuer, agent,
/// audience, scope, authoriser, status list), looked up by the value's UTF-8 bytes without allocating.
/// </summary>
/// <remarks>
/// Every credential an issuer signs for an agent repeats most of its claim values; making a new string for each
/// (transcoding, allocating, and later collecting it) was a large part of reading the claims. A value is only ever
/// answered with a string equal to it, character for character, so what the pool holds cannot change a decision:
/// whoever fills it, even with values from tokens that fail their signature check, at worst pushes out another value,
/// which then costs one allocation again. Bounded: a direct-mapped table of <see cref="Slots"/> strings of at most
/// <see cref="MaxLength"/> characters, without a lock (a slot is one reference; a race costs a miss, never a wrong
/// answer). Written by hand: the libraries' string interning (string.Intern) never forgets and takes strings, not bytes.
/// </remarks>
internal static class Utf8StringPool
{
    /// <summary>Longer values are not pooled: they are rarely repeated, and comparing them costs more.</summary>
    public const int MaxLength = 128;

    /// <summary>How many strings the table holds; a power of two.</summary>
    public const int Slots = 1024;
    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The string for <paramref name="ascii"/>, which must be ASCII and at most <see cref="MaxLength"/> bytes.</summary>
    public static string Get(ReadOnlySpan<byte> ascii)
    {
        // The low bits of a 64-bit hash pick the slot; Slots is a power of two.
        var slot = (int)(XxHash3.HashToUInt64(ascii) & (Slots - 1));
        var pooled = Volatile.Read(ref Table[slot]);
        if (pooled is not null && pooled.Length == ascii.Length && Ascii.Equals(ascii, pooled))
        {
            return pooled;
        }

        var value = Encoding.ASCII.GetString(ascii);
        Volatile.Write(ref Table[slot], value);
        return value;
    }
}
