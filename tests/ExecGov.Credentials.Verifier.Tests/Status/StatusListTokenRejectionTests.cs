using System.Text.Json;
using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Every reason a fetched status list token is refused: nothing refused is ever answered from, and what was held is kept.</summary>
public sealed class StatusListTokenRejectionTests : IDisposable
{
    private readonly StatusHarness _h = new();

    public static TheoryData<string> Attacks => new()
    {
        "typ_credential", "typ_missing", "alg_none", "alg_hs256", "crit", "zip", "kid_unknown", "kid_missing", "signature_other_key",
        "signature_altered", "sub_other_list", "exp_passed", "bits_three", "lst_not_zlib", "lst_bomb", "not_a_jws", "duplicate_member",
        "too_large",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Refused_token_is_never_answered_from(string attack)
    {
        _h.Server.Serve(StatusHarness.ListUri(1), Token(attack), version: 1);
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Refused_token_keeps_what_was_held_and_lets_it_age(string attack)
    {
        _h.Publish(1, StatusHarness.List((0, StatusValue.Invalid)), version: 1);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(0));

        _h.Server.Serve(StatusHarness.ListUri(1), Token(attack), version: 2);
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(0));

        // Refused data confirmed nothing: the held list ages out on time.
        _h.Time.Advance(_h.Options.MaxStatusAge - TimeSpan.FromSeconds(29));
        Assert.Equal(CredentialStatus.Unavailable, await _h.StatusAsync(0));
    }

    [Fact]
    public async Task Older_version_than_held_is_refused_roll_back()
    {
        var old = _h.Publish(1, StatusHarness.List(), version: 4);
        _h.Publish(1, StatusHarness.List((3, StatusValue.Invalid)), version: 5);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));

        // A replayed (validly signed) older list must not undo the revocation.
        _h.Server.Serve(StatusHarness.ListUri(1), old, version: 4);
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));
        Assert.Equal(5, _h.State.Lists[StatusHarness.ListUri(1)].Current!.Version);
    }

    [Fact]
    public async Task List_without_version_after_one_with_versions_is_refused_as_a_downgrade()
    {
        _h.Publish(1, StatusHarness.List((3, StatusValue.Invalid)), version: 5);
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));

        var unversioned = ExecGov.Credentials.Signing.Status.StatusListTokenWriter.Sign(StatusHarness.List(), StatusHarness.ListUri(1), _h.Time.GetUtcNow(), TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), _h.IssuerKey);
        _h.Server.Serve(StatusHarness.ListUri(1), unversioned, version: null);
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        _h.Source.PollDue();
        await _h.FetchesDone();
        Assert.Equal(CredentialStatus.Revoked, await _h.StatusAsync(3));
    }

    private string Token(string attack)
    {
        var list = StatusHarness.List();
        var claims = _h.Claims(1, list, version: 2);
        return attack switch
        {
            "typ_credential" => StatusHarness.SignRaw(_h.Header(typ: "execgov-credential+jwt"), claims, _h.IssuerKey),
            "typ_missing" => StatusHarness.SignRaw($$"""{"alg":"EdDSA","kid":"{{_h.IssuerKey.KeyId}}"}""", claims, _h.IssuerKey),
            "alg_none" => StatusHarness.B64(_h.Header(alg: "none")) + "." + StatusHarness.B64(claims) + ".",
            "alg_hs256" => StatusHarness.SignRaw(_h.Header(alg: "HS256"), claims, _h.IssuerKey),
            "crit" => StatusHarness.SignRaw(_h.Header(extra: ""","crit":["exp"]"""), claims, _h.IssuerKey),
            "zip" => StatusHarness.SignRaw(_h.Header(extra: ""","zip":"DEF" """), claims, _h.IssuerKey),
            "kid_unknown" => StatusHarness.SignRaw(_h.Header(kid: _h.OtherKey.KeyId), claims, _h.OtherKey),
            "kid_missing" => StatusHarness.SignRaw("""{"alg":"EdDSA","typ":"statuslist+jwt"}""", claims, _h.IssuerKey),
            "signature_other_key" => StatusHarness.SignRaw(_h.Header(), claims, _h.OtherKey),
            "signature_altered" => Alter(StatusHarness.SignRaw(_h.Header(), claims, _h.IssuerKey)),
            "sub_other_list" => StatusHarness.SignRaw(_h.Header(), _h.Claims(1, list, 2, sub: StatusHarness.ListUri(2)), _h.IssuerKey),
            "exp_passed" => StatusHarness.SignRaw(_h.Header(), _h.Claims(1, list, 2, exp: _h.Time.GetUtcNow().ToUnixTimeSeconds()), _h.IssuerKey),
            "bits_three" => StatusHarness.SignRaw(_h.Header(), _h.Claims(1, list, 2, bits: 3), _h.IssuerKey),
            "lst_not_zlib" => StatusHarness.SignRaw(_h.Header(), _h.Claims(1, list, 2, lst: StatusHarness.B64("not zlib at all")), _h.IssuerKey),
            "lst_bomb" => StatusHarness.SignRaw(_h.Header(), _h.Claims(1, list, 2, lst: new StatusList(_h.Options.MaxListBytes * 4 + 8, bits: 2).Encode()), _h.IssuerKey),
            "not_a_jws" => "this is not a token",
            "duplicate_member" => StatusHarness.SignRaw(_h.Header(), claims.Replace("{\"sub\":", "{\"sub\":\"https://evil.example/1\",\"sub\":", StringComparison.Ordinal), _h.IssuerKey),
            "too_large" => StatusHarness.SignRaw(_h.Header(), JsonPad(claims, _h.Options.MaxTokenBytes), _h.IssuerKey),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
    }

    private static string Alter(string token)
    {
        var chars = token.ToCharArray();
        var i = token.IndexOf('.', StringComparison.Ordinal) + 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string JsonPad(string claims, int size) => claims[..^1] + ",\"pad\":\"" + new string('x', size) + "\"}";

    public void Dispose() => _h.Dispose();
}
