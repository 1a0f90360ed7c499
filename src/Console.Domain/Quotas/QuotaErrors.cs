namespace EcsConsole.Domain.Quotas;

/// <summary>Quota administration errors.</summary>
public static class QuotaErrors
{
    public const string UnknownQuotaCode = "InvalidQuotaName.NotFound";
    public const string PendingExistsCode = "OperationDenied.QuotaApplicationPending";
    public const string RequestNotFoundCode = "InvalidApplicationId.NotFound";
    public const string AlreadyDecidedCode = "OperationDenied.ApplicationDecided";
    public const string InvalidLimitCode = "InvalidParameter.Limit";

    public static EcsError UnknownQuota(string name) => new(UnknownQuotaCode, 404, $"There is no quota \"{name}\".");

    public static EcsError PendingExists() => new(PendingExistsCode, 409, "An increase request for this quota is already waiting for a decision.");

    public static EcsError RequestNotFound(int id) => new(RequestNotFoundCode, 404, $"The quota request {id} does not exist.");

    public static EcsError AlreadyDecided() => new(AlreadyDecidedCode, 409, "The request has already been decided.");

    public static EcsError InvalidLimit(string why) => new(InvalidLimitCode, 400, why);
}
