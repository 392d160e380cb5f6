using ExecGov.Credentials.Revocation.Tests.Support;

namespace ExecGov.Credentials.Revocation.Tests.Registry;

public sealed class BlockTests : IDisposable
{
    private readonly RegistryHarness _harness = new();

    public static TheoryData<RevocationScope, RevocationAction> Blocking => new()
    {
        { RevocationScope.Session, RevocationAction.Revoke },
        { RevocationScope.Agent, RevocationAction.Revoke },
        { RevocationScope.Authoriser, RevocationAction.Revoke },
        { RevocationScope.SigningKey, RevocationAction.Revoke },
        { RevocationScope.HolderKey, RevocationAction.Revoke },
        { RevocationScope.HolderKey, RevocationAction.Suspend },
        { RevocationScope.Session, RevocationAction.Suspend },
        { RevocationScope.Agent, RevocationAction.Suspend },
        { RevocationScope.Authoriser, RevocationAction.Suspend },
        { RevocationScope.SigningKey, RevocationAction.Suspend },
    };

    [Theory]
    [MemberData(nameof(Blocking))]
    public async Task Revoked_or_suspended_scope_blocks_later_allocation(RevocationScope scope, RevocationAction action)
    {
        var target = Target(scope);
        await _harness.ApplyAsync(scope, target, action);

        var blocked = await Assert.ThrowsAsync<IssuanceBlockedException>(() => _harness.AllocateAsync(Registration(scope, target)));

        Assert.Equal(scope, blocked.Scope);
        Assert.Equal(action, blocked.Action);
        await _harness.AllocateAsync(_harness.Data.Next());
    }

    [Fact]
    public async Task Unsuspend_lifts_a_suspension_block()
    {
        await _harness.ApplyAsync(RevocationScope.Agent, "agent-x", RevocationAction.Suspend);
        await _harness.ApplyAsync(RevocationScope.Agent, "agent-x", RevocationAction.Unsuspend);

        var reference = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-x"));

        Assert.Equal(Status.StatusValue.Valid, _harness.StatusOf(reference));
    }

    [Fact]
    public async Task Unsuspend_never_lifts_a_revocation_block()
    {
        await _harness.ApplyAsync(RevocationScope.Session, "ses_x", RevocationAction.Revoke);
        await _harness.ApplyAsync(RevocationScope.Session, "ses_x", RevocationAction.Suspend);
        await _harness.ApplyAsync(RevocationScope.Session, "ses_x", RevocationAction.Unsuspend);

        var blocked = await Assert.ThrowsAsync<IssuanceBlockedException>(() => _harness.AllocateAsync(_harness.Data.Next(session: "ses_x")));
        Assert.Equal(RevocationAction.Revoke, blocked.Action);
    }

    [Fact]
    public async Task Blocks_survive_a_restart()
    {
        await _harness.ApplyAsync(RevocationScope.Authoriser, "mallory@example.org", RevocationAction.Revoke);
        await _harness.ApplyAsync(RevocationScope.Agent, "agent-y", RevocationAction.Suspend);

        _harness.Restart();

        await Assert.ThrowsAsync<IssuanceBlockedException>(() => _harness.AllocateAsync(_harness.Data.Next(authoriser: "mallory@example.org")));
        await Assert.ThrowsAsync<IssuanceBlockedException>(() => _harness.AllocateAsync(_harness.Data.Next(agent: "agent-y")));
    }

    [Fact]
    public async Task Revoking_one_credential_does_not_block_its_session()
    {
        var registration = _harness.Data.Next(session: "ses_z");
        await _harness.AllocateAsync(registration);
        await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Revoke);

        var next = await _harness.AllocateAsync(_harness.Data.Next(session: "ses_z"));

        Assert.Equal(Status.StatusValue.Valid, _harness.StatusOf(next));
    }

    [Fact]
    public async Task Allocation_racing_a_session_revocation_is_either_covered_or_refused()
    {
        var registrations = Enumerable.Range(0, 100).Select(_ => _harness.Data.Next(session: "ses_race")).ToList();
        var allocations = registrations
            .Select(registration => Task.Run(async () =>
            {
                try
                {
                    return await _harness.AllocateAsync(registration);
                }
                catch (IssuanceBlockedException)
                {
                    return null;
                }
            }))
            .ToList();
        var act = Task.Run(() => _harness.ApplyAsync(RevocationScope.Session, "ses_race", RevocationAction.Revoke));

        var references = await Task.WhenAll(allocations);
        await act;

        Assert.All(references.OfType<Credentials.StatusListReference>(), r => Assert.Equal(Status.StatusValue.Invalid, _harness.StatusOf(r)));
    }

    private string Target(RevocationScope scope) => scope switch
    {
        RevocationScope.Session => "ses_blocked",
        RevocationScope.Agent => "agent-blocked",
        RevocationScope.Authoriser => "blocked@example.org",
        RevocationScope.HolderKey => "jkt-blocked",
        _ => "key-blocked",
    };

    private CredentialRegistration Registration(RevocationScope scope, string target) => scope switch
    {
        RevocationScope.Session => _harness.Data.Next(session: target),
        RevocationScope.Agent => _harness.Data.Next(agent: target),
        RevocationScope.Authoriser => _harness.Data.Next(authoriser: target),
        RevocationScope.HolderKey => _harness.Data.Next(holder: target),
        _ => _harness.Data.Next(key: target),
    };

    public void Dispose() => _harness.Dispose();
}
