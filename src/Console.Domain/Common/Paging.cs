namespace EcsConsole.Domain.Common;

/// <summary>One page of a list: a 1-based page number and a page size up to the list's largest page.</summary>
public static class Paging
{
    /// <summary><c>InvalidParameter</c> for a page below 1 or a page size outside 1..<paramref name="maxPageSize"/>; else null.</summary>
    public static EcsError? Check(int page, int pageSize, int maxPageSize) =>
        page < 1 ? CommonErrors.InvalidParameter("PageNumber", "must be 1 or more.")
        : pageSize < 1 || pageSize > maxPageSize ? CommonErrors.InvalidParameter("PageSize", $"must be between 1 and {maxPageSize}.")
        : null;

    /// <summary>
    /// Whether page <paramref name="page"/> (1-based) of <paramref name="pageSize"/> rows starts past the last of
    /// <paramref name="total"/> rows (no row at all, most often): the page query would walk the index for nothing.
    /// </summary>
    public static bool IsPastTheEnd(int total, int page, int pageSize) => total <= (page - 1) * pageSize;

    /// <summary>The rows of page <paramref name="page"/> (1-based) of <paramref name="pageSize"/> rows.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> rows, int page, int pageSize) => rows.Skip((page - 1) * pageSize).Take(pageSize);

    /// <summary>The items of page <paramref name="page"/> (1-based) of <paramref name="pageSize"/> items.</summary>
    public static IEnumerable<T> Page<T>(this IEnumerable<T> items, int page, int pageSize) => items.Skip((page - 1) * pageSize).Take(pageSize);
}
