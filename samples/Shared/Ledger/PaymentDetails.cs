namespace ExecGov.Samples.Ledger;

/// <summary>What a payment release moves: how much, in which currency, to which account.</summary>
public sealed record PaymentDetails(decimal Amount, string Currency, string Destination);
