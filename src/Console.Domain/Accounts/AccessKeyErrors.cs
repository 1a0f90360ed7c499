namespace EcsConsole.Domain.Accounts;

/// <summary>AccessKey errors, with RAM's codes.</summary>
public static class AccessKeyErrors
{
    public const string NotFoundCode = "EntityNotExist.User.AccessKey";
    public const string LimitExceededCode = "LimitExceeded.User.AccessKey";

    public static EcsError NotFound(string id) => new(NotFoundCode, 404, $"The AccessKey \"{id}\" does not exist.");

    public static EcsError LimitExceeded(int limit) => new(LimitExceededCode, 409, $"A user can have at most {limit} AccessKey pairs.");
}
