using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Registry;

public sealed class ActTests : IDisposable
{
    private readonly RegistryHarness _harness = new();

    public static TheoryData<RevocationScope> GroupScopes => [RevocationScope.Session, RevocationScope.Agent, RevocationScope.Authoriser, RevocationScope.SigningKey, RevocationScope.HolderKey];

    [Fact]
    public async Task Revoke_credential_marks_only_that_entry_invalid()
    {
        var target = _harness.Data.Next();
        var targetRef = await _harness.AllocateAsync(target);
        var otherRef = await _harness.AllocateAsync(_harness.Data.Next(session: target.SessionId, agent: target.AgentId));

        var result = await _harness.ApplyAsync(RevocationScope.Credential, target.CredentialId, RevocationAction.Revoke);

        Assert.Equal(RevocationOutcome.Applied, result.Outcome);
        Assert.Equal(1, result.Covered);
        Assert.Equal(1, result.Changed);
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(targetRef));
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(otherRef));
    }

    [Fact]
    public async Task Act_whose_caller_stops_waiting_is_committed_all_the_same()
    {
        var registration = _harness.Data.Next();
        var reference = await _harness.AllocateAsync(registration);
        using var hungUp = new CancellationTokenSource();
        await hungUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _harness.Registry.ApplyAsync(
            new RevocationRequest { Scope = RevocationScope.Credential, Target = registration.CredentialId, Action = RevocationAction.Revoke, Responder = "responder@example.org", Reason = "hung up" },
            hungUp.Token));

        var act = await Poll.UntilAsync(() => _harness.Registry.FindAct(1));
        Assert.Equal(registration.CredentialId, act.Target);
        await Poll.UntilAsync(() => _harness.StatusOf(reference) == StatusValue.Invalid ? act : null);
    }

    [Theory]
    [MemberData(nameof(GroupScopes))]
    public async Task Revoke_covers_every_credential_of_the_scope_and_nothing_else(RevocationScope scope)
    {
        var covered = new List<Credentials.StatusListReference>();
        for (var i = 0; i < 3; i++)
        {
            covered.Add(await _harness.AllocateAsync(_harness.Data.Next(session: "ses_shared", agent: "agent-shared", authoriser: "alice@example.org", key: "key-shared", holder: "jkt-shared")));
        }

        var others = new List<Credentials.StatusListReference>();
        for (var i = 0; i < 2; i++)
        {
            others.Add(await _harness.AllocateAsync(_harness.Data.Next()));
        }

        var target = scope switch
        {
            RevocationScope.Session => "ses_shared",
            RevocationScope.Agent => "agent-shared",
            RevocationScope.Authoriser => "alice@example.org",
            RevocationScope.HolderKey => "jkt-shared",
            _ => "key-shared",
        };

        var result = await _harness.ApplyAsync(scope, target, RevocationAction.Revoke);

        Assert.Equal(3, result.Covered);
        Assert.Equal(3, result.Changed);
        Assert.All(covered, r => Assert.Equal(StatusValue.Invalid, _harness.StatusOf(r)));
        Assert.All(others, r => Assert.Equal(StatusValue.Valid, _harness.StatusOf(r)));
    }

    [Fact]
    public async Task Holder_key_revoke_covers_the_keys_credentials_under_every_agent_id()
    {
        var first = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-a", holder: "jkt-stolen"));
        var second = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-b", holder: "jkt-stolen"));
        var unrelated = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-a"));

        var result = await _harness.ApplyAsync(RevocationScope.HolderKey, "jkt-stolen", RevocationAction.Revoke);

        Assert.Equal(2, result.Covered);
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(first));
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(second));
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(unrelated));
        var blocked = await Assert.ThrowsAsync<IssuanceBlockedException>(() => _harness.AllocateAsync(_harness.Data.Next(agent: "agent-c", holder: "jkt-stolen")));
        Assert.Equal(RevocationScope.HolderKey, blocked.Scope);
    }

    [Fact]
    public async Task Suspend_then_unsuspend_returns_entries_to_valid()
    {
        var a = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-x"));
        var b = await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-x"));

        var suspended = await _harness.ApplyAsync(RevocationScope.Agent, "agent-x", RevocationAction.Suspend);
        Assert.Equal(StatusValue.Suspended, _harness.StatusOf(a));
        var resumed = await _harness.ApplyAsync(RevocationScope.Agent, "agent-x", RevocationAction.Unsuspend);

        Assert.Equal(2, suspended.Changed);
        Assert.Equal(2, resumed.Changed);
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(a));
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(b));
    }

    [Fact]
    public async Task Revoked_entries_never_return_to_valid()
    {
        var revoked = _harness.Data.Next(session: "ses_1");
        var revokedRef = await _harness.AllocateAsync(revoked);
        var suspendedRef = await _harness.AllocateAsync(_harness.Data.Next(session: "ses_1"));
        await _harness.ApplyAsync(RevocationScope.Credential, revoked.CredentialId, RevocationAction.Revoke);

        var suspend = await _harness.ApplyAsync(RevocationScope.Session, "ses_1", RevocationAction.Suspend);
        var unsuspend = await _harness.ApplyAsync(RevocationScope.Session, "ses_1", RevocationAction.Unsuspend);

        Assert.Equal((2, 1), (suspend.Covered, suspend.Changed));
        Assert.Equal((2, 1), (unsuspend.Covered, unsuspend.Changed));
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(revokedRef));
        Assert.Equal(StatusValue.Valid, _harness.StatusOf(suspendedRef));
    }

    [Fact]
    public async Task Revoke_turns_a_suspended_entry_invalid()
    {
        var registration = _harness.Data.Next();
        var reference = await _harness.AllocateAsync(registration);
        await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Suspend);

        var result = await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Revoke);
        var again = await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Revoke);

        Assert.Equal(1, result.Changed);
        Assert.Equal((1, 0), (again.Covered, again.Changed));
        Assert.Null(again.LastEventId);
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(reference));
    }

    [Fact]
    public async Task Unknown_credential_is_a_result_and_changes_nothing()
    {
        await _harness.AllocateAsync(_harness.Data.Next());
        var before = _harness.Registry.Events.LastId;

        var result = await _harness.ApplyAsync(RevocationScope.Credential, "cred_never_issued", RevocationAction.Revoke);

        Assert.Equal(RevocationOutcome.UnknownCredential, result.Outcome);
        Assert.Equal((0L, 0, 0), (result.ActId, result.Covered, result.Changed));
        Assert.Equal(before, _harness.Registry.Events.LastId);
        Assert.Empty(_harness.Store.Acts.FindAll());
    }

    [Theory]
    [InlineData("", "responder", "reason")]
    [InlineData("target", " ", "reason")]
    [InlineData("target", "responder", "")]
    public async Task Incomplete_request_is_refused_as_a_caller_bug(string target, string responder, string reason) =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await _harness.Registry.ApplyAsync(
            new RevocationRequest { Scope = RevocationScope.Agent, Target = target, Action = RevocationAction.Revoke, Responder = responder, Reason = reason },
            CancellationToken.None));

    [Fact]
    public async Task Undefined_scope_is_refused_as_a_caller_bug() =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await _harness.Registry.ApplyAsync(
            new RevocationRequest { Scope = (RevocationScope)42, Target = "t", Action = RevocationAction.Revoke, Responder = "r", Reason = "x" },
            CancellationToken.None));

    [Fact]
    public async Task Act_record_holds_responder_reason_and_counts()
    {
        await _harness.AllocateAsync(_harness.Data.Next(agent: "agent-a"));

        var result = await _harness.ApplyAsync(RevocationScope.Agent, "agent-a", RevocationAction.Suspend);

        var act = _harness.Registry.FindAct(result.ActId);
        Assert.NotNull(act);
        Assert.Equal(("responder@example.org", "incident 42", "agent", "suspend", 1, 1), (act.Responder, act.Reason, act.Scope, act.Action, act.Covered, act.Changed));
        Assert.Equal(result.LastEventId, act.LastEventId);
    }

    [Fact]
    public async Task Signing_key_revocation_withdraws_the_key_and_suspension_does_not()
    {
        var reference = await _harness.AllocateAsync(_harness.Data.Next(key: "key-7"));

        await _harness.ApplyAsync(RevocationScope.SigningKey, "key-7", RevocationAction.Suspend);
        Assert.Empty(_harness.KeyHandler.Withdrawn);
        await _harness.ApplyAsync(RevocationScope.SigningKey, "key-7", RevocationAction.Revoke);

        Assert.Equal(["key-7"], _harness.KeyHandler.Withdrawn);
        Assert.Equal(StatusValue.Invalid, _harness.StatusOf(reference));
    }

    [Fact]
    public async Task A_burst_of_concurrent_acts_is_applied_exactly_once_each()
    {
        var registrations = Enumerable.Range(0, 200).Select(_ => _harness.Data.Next()).ToList();
        var references = new List<Credentials.StatusListReference>();
        foreach (var registration in registrations)
        {
            references.Add(await _harness.AllocateAsync(registration));
        }

        var results = await Task.WhenAll(registrations.Select(r => Task.Run(() => _harness.ApplyAsync(RevocationScope.Credential, r.CredentialId, RevocationAction.Revoke))));

        Assert.Equal(200, results.Select(r => r.ActId).Distinct().Count());
        Assert.All(results, r => Assert.Equal(1, r.Changed));
        Assert.All(references, r => Assert.Equal(StatusValue.Invalid, _harness.StatusOf(r)));
        Assert.Equal(200, Enumerable.Range(1, 4).Sum(id => _harness.Token(id).Claims.Version));
    }

    public void Dispose() => _harness.Dispose();
}
