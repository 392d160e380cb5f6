using System.Diagnostics.CodeAnalysis;
using ExecGov.Credentials.Http.Errors;

namespace ExecGov.Credentials.Issuer.Errors;

/// <summary>Either a value or an <see cref="HttpError"/>: bad input from outside never throws.</summary>
internal readonly struct IssuerResult<T>
{
    private IssuerResult(T? value, HttpError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public HttpError? Error { get; }

    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed => Error is not null;

    public static implicit operator IssuerResult<T>(T value) => new(value, null);

    public static implicit operator IssuerResult<T>(HttpError error) => new(default, error);

    public static IssuerResult<T> Fail(ErrorCode code, string? detail = null) => new(default, new HttpError(code, detail));
}
