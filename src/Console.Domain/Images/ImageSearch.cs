namespace EcsConsole.Domain.Images;

/// <summary>
/// The catalogue's text searches (issue #20: every query shape within 5 ms at 100,000 images). A substring of a name or an
/// image ID cannot use a B-tree index; on SQLite the <c>ImageSearch</c> FTS5 table (trigram tokenizer, kept by triggers on
/// <c>Images</c>; migration <c>CatalogueSearch</c>) finds the rows, on PostgreSQL the <c>pg_trgm</c> GIN indexes of the same
/// migration serve the <c>ILIKE</c>. Both are case-insensitive, as the scan they replace.
/// </summary>
internal static class ImageSearch
{
    /// <summary>Images whose name contains <paramref name="text"/>, case-insensitively.</summary>
    public static IQueryable<Image> WhereNameContains(this IQueryable<Image> images, ConsoleDbContext db, string text) =>
        UsesTrigrams(db, text)
            ? images.Where(KeysWhere(db, "Name", text))
            : images.WhereContainsIgnoringCase(db.Database, i => i.Name, text);

    /// <summary>Images whose ID contains <paramref name="text"/>, case-insensitively.</summary>
    public static IQueryable<Image> WhereIdContains(this IQueryable<Image> images, ConsoleDbContext db, string text) =>
        UsesTrigrams(db, text)
            ? images.Where(KeysWhere(db, "Id", text))
            : images.WhereContainsIgnoringCase(db.Database, i => i.Id, text);

    /// <summary>
    /// Images with a disk made from <paramref name="snapshotId"/>, found from the mappings' index first: as one statement,
    /// SQLite's planner walked every image of the account and probed the mappings for each.
    /// </summary>
    public static async Task<IQueryable<Image>> WhereMadeFromSnapshotAsync(this IQueryable<Image> images, ConsoleDbContext db, string snapshotId,
        CancellationToken ct)
    {
        var keys = await db.ImageDiskMappings.AsNoTracking().Where(m => m.SnapshotId == snapshotId).Select(m => m.ImageKey).Distinct().ToListAsync(ct);
        return images.Where(i => keys.Contains(i.Key));
    }

    /// <summary>
    /// The trigram index answers a LIKE of at least three characters without wildcards of its own (FTS5 ignores an
    /// ESCAPE clause): anything else is the plain scan.
    /// </summary>
    private static bool UsesTrigrams(ConsoleDbContext db, string text) =>
        db.Database.IsSqlite() && text.EnumerateRunes().Count() >= 3 && !text.Contains('%') && !text.Contains('_');

    private static System.Linq.Expressions.Expression<Func<Image, bool>> KeysWhere(ConsoleDbContext db, string column, string text)
    {
        var pattern = "%" + text + "%";
        // The column name is one of two constants, never input; the pattern is a parameter.
        var keys = column == "Name"
            ? db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ImageSearch" WHERE "Name" LIKE {pattern}""")
            : db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ImageSearch" WHERE "Id" LIKE {pattern}""");
        return i => keys.Contains(i.Key);
    }
}
