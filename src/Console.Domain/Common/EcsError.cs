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

/// <summary>Errors shared by every feature. Feature-specific errors live in their feature's <c>XxxErrors</c> class.</summary>
public static class CommonErrors
{
    public const string MissingParameterCode = "MissingParameter";
    public const string InvalidParameterCode = "InvalidParameter";
    public const string ForbiddenCode = "Forbidden";
    public const string InvalidRegionIdNotFoundCode = "InvalidRegionId.NotFound";
    public const string InternalErrorCode = "InternalError";

    public static EcsError MissingParameter(string name) =>
        new(MissingParameterCode, 400, $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static EcsError InvalidParameter(string name, string why) =>
        new(InvalidParameterCode, 400, $"The specified parameter \"{name}\" is not valid: {why}");

    /// <summary>A visible resource the actor may not change (a recipient of a share, a read-only member).</summary>
    public static EcsError Forbidden(string? why = null) =>
        new(ForbiddenCode, 403, why ?? "User not authorized to operate on the specified resource.");

    public static EcsError RegionNotFound(string regionId) =>
        new(InvalidRegionIdNotFoundCode, 404, $"The specified region \"{regionId}\" does not exist.");

    public static EcsError InternalError() =>
        new(InternalErrorCode, 500, "The request processing has failed due to some unknown error.");
}
