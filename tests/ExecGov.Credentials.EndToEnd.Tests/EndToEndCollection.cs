namespace ExecGov.Credentials.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one running system, one test at a time (the ledgers are compared before and after).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end-to-end";
}
