namespace EcsConsole.Domain.ClientTokens;

/// <summary>
/// The answers of a <c>ClientToken</c> that cannot be honoured (VAL-TOKEN-01, ecs-openapi §2.0 and the operations'
/// error tables; ADR-021).
/// </summary>
public static class ClientTokenErrors
{
    public const string MalformedCode = "InvalidClientToken.Malformed";
    public const string ParamNotMatchCode = "IdempotenceParamNotMatch";
    public const string ParameterMismatchCode = "IdempotentParameterMismatch";
    public const string ProcessingCode = "IdempotentProcessing";

    /// <summary>Not ASCII, or longer than 64 characters: 400, but 403 for CreateSnapshot (ecs-openapi §2.13, §2.15).</summary>
    public static EcsError Malformed(string action) =>
        new(MalformedCode, action == "CreateSnapshot" ? 403 : 400,
            $"The specified parameter \"ClientToken\" is not valid: at most {ClientTokenClaim.MaxTokenLength} ASCII characters.");

    /// <summary>
    /// The token was used with other parameters: CreateImage answers <c>IdempotenceParamNotMatch</c> / 400 (§2.3); the
    /// snapshots <c>IdempotentParameterMismatch</c> / 403 (§2.15), as the ECS idempotence guide gives for every other
    /// action that takes a token.
    /// </summary>
    public static EcsError Mismatch(string action) => action == "CreateImage"
        ? new(ParamNotMatchCode, 400, "The specified ClientToken was used with other parameters.")
        : new(ParameterMismatchCode, 403, "The specified parameter has changed while using an already used ClientToken.");

    /// <summary>The first call with this token has not answered yet (VAL-TOKEN-01).</summary>
    public static EcsError Processing() =>
        new(ProcessingCode, 403, "The previous idempotent request(s) is still processing.");
}
