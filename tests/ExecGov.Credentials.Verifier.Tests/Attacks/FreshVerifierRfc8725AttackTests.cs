namespace ExecGov.Credentials.Verifier.Tests.Attacks;

/// <summary>The attacks of <see cref="Rfc8725AttackTests"/> on a verifier that has verified nothing yet.</summary>
public sealed class FreshVerifierRfc8725AttackTests : Rfc8725AttackTests
{
    protected override bool Warm => false;
}
