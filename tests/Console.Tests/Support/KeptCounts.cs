using EcsConsole.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Support;

/// <summary>The custom tab's counts the database keeps with triggers (Images/CustomImageCounts.cs): SQLite's
/// <c>CustomImageCounts</c>, PostgreSQL's <c>CustomImageCountDeltas</c>.</summary>
internal static class KeptCounts
{
    /// <summary>The (account, region, status) groups whose kept count differs from a count of the images.</summary>
    public static async Task<int> DriftAsync(ConsoleDbContext db)
    {
        var kept = db.Database.IsSqlite()
            ? """SELECT "OwnerAccountId", "RegionId", "Status", "Count" FROM "CustomImageCounts" WHERE "Count" <> 0"""
            : """
              SELECT "OwnerAccountId", "RegionId", "Status", sum("Delta") FROM "CustomImageCountDeltas"
              GROUP BY "OwnerAccountId", "RegionId", "Status" HAVING sum("Delta") <> 0
              """;
        const string actual = """
            SELECT "OwnerAccountId", "RegionId", "Status", count(*) FROM "Images" WHERE "Kind" = 'Custom' AND "OwnerAccountId" IS NOT NULL
            GROUP BY "OwnerAccountId", "RegionId", "Status"
            """;
        const string count = """SELECT CAST(count(*) AS integer) AS "Value" FROM (""";
        string keptOnly = count + kept + " EXCEPT " + actual + ") AS d", actualOnly = count + actual + " EXCEPT " + kept + ") AS d";
        return await db.Database.SqlQueryRaw<int>(keptOnly).SingleAsync() + await db.Database.SqlQueryRaw<int>(actualOnly).SingleAsync();
    }
}
