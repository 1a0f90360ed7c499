using System.Diagnostics.CodeAnalysis;

namespace EcsConsole.Domain.Common;

/// <summary>
/// The outcome of a service call that can fail in an expected way. Expected failures (validation, quota,
/// permission, compatibility, wrong state) are values carrying an <see cref="EcsError"/>; exceptions are bugs.
/// </summary>
public readonly struct Result
{
    private Result(EcsError? error) => Error = error;

    public EcsError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(EcsError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result(EcsError error) => Failure(error);
}

/// <summary>A <see cref="Result"/> that carries a value on success.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, EcsError? error)
    {
        _value = value;
        Error = error;
    }

    public EcsError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failure is a bug and throws.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {Error}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(EcsError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(EcsError error) => Failure(error);

    public Result ToResult() => IsSuccess ? Result.Success() : Result.Failure(Error);
}
