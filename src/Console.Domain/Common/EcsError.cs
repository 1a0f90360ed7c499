namespace EcsConsole.Domain.Common;

/// <summary>
/// An expected failure, in ECS's own vocabulary: the error <see cref="Code"/> the ECS OpenAPI returns
/// (domain-rules §15, misspellings included), the HTTP status it comes with, and a human message.
/// Pages render it with <c>ErrorAlert</c> (<c>data-error-code</c>), the API as the ECS error body.
/// Codes never change once shipped; messages may be reworded.
/// </summary>
public sealed record EcsError(string Code, int HttpStatus, string Message)
{
    public override string ToString() => $"{Code} ({HttpStatus}): {Message}";
}

