namespace ExecGov.Credentials.Verifier.Tests.Attacks;

/// <summary>
/// The attacks of <see cref="Rfc8725AttackTests"/> on a verifier that remembers a credential, the header it shares with
/// the attack tokens, and the agent's proof header.
/// </summary>
public sealed class WarmVerifierRfc8725AttackTests : Rfc8725AttackTests
{
    protected override bool Warm => true;
}
