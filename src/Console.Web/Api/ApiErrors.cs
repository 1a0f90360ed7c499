using EcsConsole.Domain.Common;

namespace EcsConsole.Web.Api;

/// <summary>The gateway's own errors (ecs-openapi §3.2): authentication, protocol and dispatch. Feature errors come from the domain.</summary>
public static class ApiErrors
{
    public const string AccessKeyNotFoundCode = "InvalidAccessKeyId.NotFound";
    public const string AccessKeyDisabledCode = "Forbidden.AccessKeyDisabled";
    public const string SignatureDoesNotMatchCode = "SignatureDoesNotMatch";
    public const string IncompleteSignatureCode = "IncompleteSignature";
    public const string TimestampExpiredCode = "InvalidTimeStamp.Expired";
    public const string IllegalTimestampCode = "IllegalTimestamp";
    public const string MissingTimestampCode = "MissingTimestamp";
    public const string NonceUsedCode = "SignatureNonceUsed";
    public const string InvalidVersionCode = "InvalidVersion";
    public const string ActionNotFoundCode = "InvalidAction.NotFound";
    public const string UnsupportedMethodCode = "UnsupportedHTTPMethod";
    public const string DryRunCode = CommonErrors.DryRunOperationCode;
    public const string ImportDryRunCode = "DRYRUN.SUCCESS";
    public const string UnsupportedSignatureMethodCode = "InvalidSignatureMethod";
    public const string RequestTooLargeCode = "RequestEntityTooLarge";

    public static EcsError AccessKeyNotFound() => new(AccessKeyNotFoundCode, 404, "Specified access key is not found.");

    public static EcsError AccessKeyDisabled() => new(AccessKeyDisabledCode, 403, "The specified AccessKey is disabled.");

    public static EcsError SignatureDoesNotMatch(string stringToSign) =>
        new(SignatureDoesNotMatchCode, 400, "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    public static EcsError IncompleteSignature(string why) => new(IncompleteSignatureCode, 400, "The request signature does not conform to Aliyun standards: " + why);

    public static EcsError TimestampExpired() => new(TimestampExpiredCode, 400, "Specified time stamp or date value is expired.");

    public static EcsError IllegalTimestamp() => new(IllegalTimestampCode, 400, "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied or not valid.");

    public static EcsError MissingTimestamp() => new(MissingTimestampCode, 400, "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied.");

    public static EcsError NonceUsed() => new(NonceUsedCode, 400, "Specified signature nonce was used already.");

    public static EcsError InvalidVersion() => new(InvalidVersionCode, 400, "Specified parameter Version is not valid.");

    public static EcsError ActionNotFound() => new(ActionNotFoundCode, 404, "Specified api is not found, please check your url and method.");

    public static EcsError UnsupportedMethod() => new(UnsupportedMethodCode, 403, "This action does not support the HTTP method used.");

    public static EcsError UnsupportedSignatureMethod() => new(UnsupportedSignatureMethodCode, 400, "Specified signature method or version is not supported: use HMAC-SHA1 1.0 or ACS3-HMAC-SHA256.");

    /// <summary>A body over the API's cap (<see cref="EcsApiMiddleware.MaxBodyBytes"/>): refused before it is read.</summary>
    public static EcsError RequestTooLarge(int maxBytes) =>
        new(RequestTooLargeCode, 413, $"The request body is larger than the {maxBytes / 1024} KB an API call may carry.");

    /// <summary>More parameters than one call may carry (<see cref="EcsApiMiddleware.MaxParameters"/>).</summary>
    public static EcsError TooManyParameters(int max) =>
        CommonErrors.InvalidParameter("Parameters", $"a call carries at most {max} parameters.");

    /// <summary>A dry run that passed every check (ADR-016); ImportImage spells it <c>DRYRUN.SUCCESS</c>.</summary>
    public static EcsError DryRun(string action) => action == "ImportImage"
        ? CommonErrors.DryRunOperation() with { Code = ImportDryRunCode }
        : CommonErrors.DryRunOperation();

    /// <summary>
    /// An operation-specific refusal of a parameter's value that no domain rule owns (a word outside an ECS enumeration,
    /// such as <c>InvalidOSType</c> or <c>InvalidFilterKey.NotFound</c>), with the status of ecs-openapi §2.
    /// </summary>
    public static EcsError Invalid(string code, int status, string message) => new(code, status, message);
}
