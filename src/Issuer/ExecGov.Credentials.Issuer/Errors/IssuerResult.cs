using System.Diagnostics.CodeAnalysis;

namespace ExecGov.Credentials.Issuer.Errors;

/// <summary>Either a value or an <see cref="IssuerError"/>: bad input from outside never throws.</summary>
internal readonly struct IssuerResult<T>
{
    private IssuerResult(T? value, IssuerError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public IssuerError? Error { get; }

    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed => Error is not null;

    public static implicit operator IssuerResult<T>(T value) => new(value, null);

    public static implicit operator IssuerResult<T>(IssuerError error) => new(default, error);

    public static IssuerResult<T> Fail(IssuerErrorCode code, string? detail = null) => new(default, new IssuerError(code, detail));
}
