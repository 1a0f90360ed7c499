namespace EcsConsole.Domain.Images;

/// <summary>
/// The catalogue's text searches (issue #20: every query shape within 5 ms at 100,000 images). A substring of a name or an
/// image ID cannot use a B-tree index. On SQLite the <c>ImageSearch</c> FTS5 table (trigram tokenizer, kept by triggers on
/// <c>Images</c>; migration <c>CatalogueSearch</c>) finds the matching keys first, when they are few; on PostgreSQL the
/// <c>pg_trgm</c> GIN indexes of the same migration serve the <c>ILIKE</c>. Both are case-insensitive, as the scan they
/// replace, and %, _ and \ in the text are literal.
/// </summary>
internal static class ImageSearch
{
    /// <summary>
    /// The rows the catalogue filters: every image, or, when the text search by name or ID is one the trigram index
    /// answers with few keys, only those images. The LIKE of the search still applies to them (ImageCatalogService), so
    /// the index only narrows and never decides. The keys are a subquery with a LIMIT, which SQLite does not flatten into
    /// the outer WHERE: it reads them by rowid first (given as a plain IN list, its planner walked the account's images
    /// and probed the list for each).
    /// </summary>
    public static async Task<IQueryable<Image>> RowsAsync(ConsoleDbContext db, ImageSearchField by, string? text, CancellationToken ct)
    {
        var all = db.Images.AsNoTracking();
        if (by is not (ImageSearchField.Name or ImageSearchField.ImageId) || string.IsNullOrWhiteSpace(text)
            || await FewKeysAsync(db, by, text.Trim(), ct) is not { } keys)
        {
            return all;
        }

        return all.Where(i => keys.Contains(i.Key)).OrderBy(i => i.Key).Take(keys.Count);
    }

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
    /// The most matches the trigram index hands on as a list of keys. With more, the text is common (a quarter of the
    /// names hold "web-" in the bench's world): one scan of the account's images is cheaper than the index's verification
    /// of each match, and SQLite's planner, given the matches as a subquery, walks the account's images anyway.
    /// </summary>
    public const int MaxKeys = 1000;

    /// <summary>
    /// The keys of the images whose name or ID (<paramref name="by"/>) contains <paramref name="text"/>, from the trigram index,
    /// when it can answer (SQLite, at least three characters: a trigram's length; %, _ and \ are plain characters in the
    /// phrase, as in the catalogue's escaped LIKE) and finds at most <see cref="MaxKeys"/>; else null, and the caller scans. The keys go into the catalogue's query as
    /// a subquery (<see cref="RowsAsync"/>).
    /// </summary>
    private static async Task<List<int>?> FewKeysAsync(ConsoleDbContext db, ImageSearchField by, string text, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || !HasTrigram(text))
        {
            return null;
        }

        // A phrase of the text's trigrams (quotes doubled: the phrase is a string of FTS5's query syntax), answered from the
        // index alone; a LIKE on the FTS5 table checks each match against the row, which cost 2-3 ms for 1,001 matches.
        // The trigram tokenizer folds case as Unicode does (LIKE only ASCII's), so the phrase finds at least what the LIKE
        // that the catalogue still applies keeps.
        var phrase = Phrase(by, text);
        const int limit = MaxKeys + 1;
        var keys = await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ImageSearch" WHERE "ImageSearch" MATCH {phrase} LIMIT {limit}""")
            .ToListAsync(ct);
        return keys.Count <= MaxKeys ? keys : null;
    }

    /// <summary>Whether <paramref name="text"/> holds a trigram, the least a trigram index answers: three characters (code
    /// points, as the tokenizer counts them).</summary>
    public static bool HasTrigram(string text) => text.EnumerateRunes().Count() >= 3;

    /// <summary>An FTS5 query of the images whose name or ID (<paramref name="by"/>) holds <paramref name="text"/>: a phrase of
    /// its trigrams in that column, its quotes doubled (the phrase is a string of FTS5's query syntax, where nothing else in
    /// quotes is an operator).</summary>
    public static string Phrase(ImageSearchField by, string text) =>
        (by == ImageSearchField.Name ? "Name" : "Id") + " : \"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
