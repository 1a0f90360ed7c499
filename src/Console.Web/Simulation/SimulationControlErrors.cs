using EcsConsole.Domain.Common;

namespace EcsConsole.Web.Simulation;

/// <summary>Errors of the simulation control's HTTP face (ui-contract §7), written as <c>{"code","message"}</c>.</summary>
public static class SimulationControlErrors
{
    public const string UnauthorizedCode = "Unauthorized";
    public const string NotFoundCode = "NotFound";
    public const string MethodNotAllowedCode = "MethodNotAllowed";
    public const string UnsupportedMediaTypeCode = "UnsupportedMediaType";
    public const string RequestEntityTooLargeCode = "RequestEntityTooLarge";

    public static EcsError Unauthorized() =>
        new(UnauthorizedCode, 401, "The simulation control needs the header \"Authorization: Bearer <Simulation:ControlToken>\".");

    public static EcsError NotFound(string path) => new(NotFoundCode, 404, $"There is no simulation control at \"{path}\".");

    public static EcsError MethodNotAllowed(string method, string path) =>
        new(MethodNotAllowedCode, 405, $"The simulation control at \"{path}\" does not answer {method}.");

    public static EcsError NotJson() => new(UnsupportedMediaTypeCode, 415, "The body must be JSON (Content-Type: application/json).");

    public static EcsError TooLarge(int max) => new(RequestEntityTooLargeCode, 413, $"The body must not be larger than {max} bytes.");

    public static EcsError SignUpFailed(string why) => new(CommonErrors.InternalErrorCode, 500, $"The account's user could not be created: {why}");
}
