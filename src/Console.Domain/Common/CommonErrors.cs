namespace EcsConsole.Domain.Common;

/// <summary>Errors shared by every feature. Feature-specific errors live in their feature's <c>XxxErrors</c> class.</summary>
public static class CommonErrors
{
    public const string MissingParameterCode = "MissingParameter";
    public const string InvalidParameterCode = "InvalidParameter";
    public const string ForbiddenCode = "Forbidden";
    public const string InvalidRegionIdNotFoundCode = "InvalidRegionId.NotFound";
    public const string InternalErrorCode = "InternalError";
    public const string DryRunOperationCode = "DryRunOperation";

    public static EcsError MissingParameter(string name) =>
        new(MissingParameterCode, 400, $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static EcsError InvalidParameter(string name, string why) =>
        new(InvalidParameterCode, 400, $"The specified parameter \"{name}\" is not valid: {why}");

    /// <summary>A visible resource the actor may not change (a recipient of a share, a read-only member).</summary>
    public static EcsError Forbidden(string? why = null) =>
        new(ForbiddenCode, 403, why ?? "User not authorized to operate on the specified resource.");

    public static EcsError RegionNotFound(string regionId) =>
        new(InvalidRegionIdNotFoundCode, 404, $"The specified region \"{regionId}\" does not exist.");

    /// <summary>
    /// A dry run (<see cref="Actor.DryRun"/>) whose every check passed: the real call would have succeeded, and nothing
    /// was written (ADR-016).
    /// </summary>
    public static EcsError DryRunOperation() =>
        new(DryRunOperationCode, 400, "Request validation has been passed with DryRun flag set.");

    public static EcsError InternalError() =>
        new(InternalErrorCode, 500, "The request processing has failed due to some unknown error.");
}
