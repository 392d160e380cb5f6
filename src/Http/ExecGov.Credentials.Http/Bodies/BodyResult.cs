using System.Diagnostics.CodeAnalysis;
using ExecGov.Credentials.Http.Errors;

namespace ExecGov.Credentials.Http.Bodies;

/// <summary>Either a request body's value or the <see cref="HttpError"/> it was refused with: bad input never throws.</summary>
/// <typeparam name="T">The value read from the body.</typeparam>
public readonly struct BodyResult<T>
{
    private BodyResult(T? value, HttpError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; set when <see cref="Failed"/> is false.</summary>
    public T? Value { get; }

    /// <summary>Why the body was refused; set when <see cref="Failed"/> is true.</summary>
    public HttpError? Error { get; }

    /// <summary>Whether the body was refused.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed => Error is not null;

    /// <summary>A body read as <paramref name="value"/>.</summary>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Ok and Fail are the named alternates.")]
    public static implicit operator BodyResult<T>(T value) => new(value, null);

    /// <summary>A body refused with <paramref name="error"/>.</summary>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Ok and Fail are the named alternates.")]
    public static implicit operator BodyResult<T>(HttpError error) => new(default, error);

    /// <summary>A body read as <paramref name="value"/>.</summary>
    public static BodyResult<T> Ok(T value) => new(value, null);

    /// <summary>A body refused with <paramref name="code"/>.</summary>
    public static BodyResult<T> Fail(ErrorCode code, string? detail = null, string? field = null) => new(default, new HttpError(code, detail, field));
}
