namespace EcsConsole.Domain.Images;

/// <summary>
/// The custom tab's totals, from what the database keeps beside <c>Images</c> with triggers, in the statement that
/// changes the image, so they are the database's own figures, on every node, never a cache (issue #20: the custom tab
/// within 5 ms at 100,000 images). Counting an account's 38,000 images walked 38,000 index entries, about 4 ms on the
/// 2-core machine, for every page of the tab whatever its order; with a search by name or ID, a <c>LIKE</c> on each of
/// them, 8-10 ms.
/// <list type="bullet">
/// <item>Without a search or filter, on SQLite: <c>CustomImageCounts</c> (migration <c>CatalogueCounts</c>), one row per
/// (account, region, status).</item>
/// <item>With a search (SQLite only) by name or ID of at least three characters, and nothing else narrowing the tab:
/// <c>CustomImageSearch</c> (migration <c>CustomImageSearch</c>), a contentless FTS5 trigram index of every custom
/// image's name and ID, lowered as SQLite's <c>lower()</c> does (ASCII only), case-sensitive, so that a phrase of the
/// lowered text matches exactly the names the catalogue's <c>LIKE</c> (ASCII case folding) keeps. Its rowid is
/// <c>(scope &lt;&lt; 36) + (status &lt;&lt; 32) + Key</c>: the (account, region) pair numbered in
/// <c>CustomImageSearchScopes</c>, the status's <see cref="ImageStatus"/> value, and the image's key, so one account's
/// images in the region with the asked statuses are one or a few rowid ranges, which FTS5 seeks within its lists. The
/// index decides the count here (the page query still applies the <c>LIKE</c> to the rows it lists);
/// <c>ImageCatalogServiceTests.SearchedCustomTabCount_…</c> compares it with the images themselves after every kind of
/// change.</item>
/// </list>
/// On PostgreSQL the custom tab's total without a search or filter is the sum of <c>CustomImageCountDeltas</c>' +1/-1 rows
/// for (account, region, status) (migration <c>CustomImageCountDeltas</c>): a counter row there would be one more row lock
/// that concurrent changes of one account's images take in varying order, and an insert takes none;
/// <see cref="CustomImageCountDeltas.CompactAsync"/> folds each group's rows into one in the background. Any other count is
/// the query's own. A later migration that rebuilds <c>Images</c>
/// drops the triggers with the old table: <c>ImageCatalogServiceTests.CustomTabCount_…</c> and
/// <c>SearchedCustomTabCount_…</c> fail until it recreates them.
/// </summary>
internal static class CustomImageCounts
{
    /// <summary>
    /// <paramref name="query"/>'s total from the kept counts — the account's custom images in the region with one of
    /// <paramref name="statuses"/> (and, with a search, whose name or ID holds its text) — when they answer it: the custom
    /// tab with nothing narrowing it, or on SQLite with nothing but a search by name or ID the search index answers. Null
    /// when only the query itself can count.
    /// </summary>
    public static async Task<int?> CountAsync(ConsoleDbContext db, string? account, ImageListQuery query, CatalogueNarrowing narrowing,
        IReadOnlyCollection<ImageStatus> statuses, CancellationToken ct)
    {
        if (query.Tab != ImageTab.Custom)
        {
            return null;
        }

        return narrowing switch
        {
            CatalogueNarrowing.None => account is null ? 0 : await CountAllAsync(db, account, query.RegionId, statuses, ct),
            CatalogueNarrowing.Search when db.Database.IsSqlite() && SearchText(query) is { } text =>
                account is null ? 0 : await CountMatchingAsync(db, account, query.RegionId, statuses, query.SearchBy, text, ct),
            _ => null,
        };
    }

    /// <summary>The search's text when the index answers it: a search by name or ID holding a trigram, trimmed as the
    /// catalogue trims it.</summary>
    private static string? SearchText(ImageListQuery query) =>
        query.SearchBy is ImageSearchField.Name or ImageSearchField.ImageId && query.Search?.Trim() is { } text
        && ImageSearch.HasTrigram(text) ? text : null;

    private static async Task<int> CountAllAsync(ConsoleDbContext db, string account, string regionId, IReadOnlyCollection<ImageStatus> statuses,
        CancellationToken ct)
    {
        // At most one row per status (stored by name, ConsoleDbContext's enum convention), summed here. A plain command:
        // a query of an unmapped type would need a model of its own beside the compiled one.
        // On PostgreSQL the sum of the group's +1/-1 rows (CustomImageCountDeltas), one a group once compacted.
        var wanted = statuses.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        return await CountWithAsync(db, db.Database.IsSqlite()
            ? """
              SELECT "Status", "Count" FROM "CustomImageCounts" WHERE "OwnerAccountId" = @account AND "RegionId" = @region
              """
            : """
              SELECT "Status", CAST(sum("Delta") AS integer) FROM "CustomImageCountDeltas" WHERE "OwnerAccountId" = @account AND "RegionId" = @region
              GROUP BY "Status"
              """, command =>
        {
            command.AddParameter("@account", account);
            command.AddParameter("@region", regionId);
        }, reader => wanted.Contains(reader.GetString(0)) ? reader.GetInt32(1) : 0, ct);
    }

    private static async Task<int> CountMatchingAsync(ConsoleDbContext db, string account, string regionId, IReadOnlyCollection<ImageStatus> statuses,
        ImageSearchField by, string text, CancellationToken ct)
    {
        // One count per run of consecutive status values (the tab's default, every status but Deprecated, is one run),
        // each a rowid range within the (account, region) scope; no scope row: no image, no row, 0.
        var ranges = StatusRuns(statuses);
        if (ranges.Count == 0)
        {
            return 0;
        }

        var counts = string.Join(" + ", ranges.Select((_, n) => $"""
            (SELECT count(*) FROM "CustomImageSearch" WHERE "CustomImageSearch" MATCH @phrase AND rowid BETWEEN s."Base" + @from{n} AND s."Base" + @to{n})
            """));
        return await CountWithAsync(db, $"""
            WITH s AS (SELECT "Scope" << 36 AS "Base" FROM "CustomImageSearchScopes" WHERE "OwnerAccountId" = @account AND "RegionId" = @region)
            SELECT {counts} FROM s
            """, command =>
        {
            command.AddParameter("@account", account);
            command.AddParameter("@region", regionId);
            command.AddParameter("@phrase", ImageSearch.Phrase(by, AsciiLower(text)));
            for (var n = 0; n < ranges.Count; n++)
            {
                command.AddParameter($"@from{n}", (long)ranges[n].First << 32);
                command.AddParameter($"@to{n}", ((long)ranges[n].Last << 32) + uint.MaxValue);
            }
        }, reader => reader.GetInt32(0), ct);
    }

    /// <summary>The statuses' values as runs of consecutive values, lowest first.</summary>
    private static List<(int First, int Last)> StatusRuns(IEnumerable<ImageStatus> statuses)
    {
        var runs = new List<(int First, int Last)>();
        foreach (var value in statuses.Select(s => (int)s).Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last == value - 1)
            {
                runs[^1] = (runs[^1].First, value);
            }
            else
            {
                runs.Add((value, value));
            }
        }

        return runs;
    }

    /// <summary>The text lowered as SQLite's built-in <c>lower()</c> lowers it (ASCII letters only), as the index holds
    /// names and IDs, and as its <c>LIKE</c> folds case.</summary>
    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, static (lowered, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                lowered[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + ('a' - 'A')) : source[i];
            }
        });

    /// <summary>Runs <paramref name="sql"/> on the context's connection and sums <paramref name="count"/> over its rows.</summary>
    private static async Task<int> CountWithAsync(ConsoleDbContext db, string sql, Action<System.Data.Common.DbCommand> parameters,
        Func<System.Data.Common.DbDataReader, int> count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            parameters(command);
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                total += count(reader);
            }

            return total;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>
/// The compaction of the custom tab's kept counts on PostgreSQL (<see cref="CustomImageCounts"/>): each (account, region,
/// status) group of <c>CustomImageCountDeltas</c> with more than one row becomes one row of their sum (none for 0), in one
/// statement, so a reader sums at most one row per status. The web host runs it every two seconds on each node
/// (<c>CustomImageCountCompactor</c>); a transaction-scoped advisory lock lets one node at a time do it, the others skip
/// their turn (two compactions deleting the same rows in different orders could deadlock). Nothing on SQLite.
/// </summary>
public static class CustomImageCountDeltas
{
    /// <summary>The advisory lock's key: "ECSCCNT" as a number.</summary>
    private const long LockKey = 0x45_43_53_43_43_4E_54;

    /// <summary>Folds the groups; returns the rows written (0 when another node holds the turn or nothing was to fold).</summary>
    public static async Task<int> CompactAsync(ConsoleDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var turn = await db.Database.SqlQuery<bool>($"""SELECT pg_try_advisory_xact_lock({LockKey}) AS "Value" """).SingleAsync(ct);
        if (!turn)
        {
            return 0;
        }

        var written = await db.Database.ExecuteSqlRawAsync("""
            WITH many AS (
                SELECT "OwnerAccountId", "RegionId", "Status" FROM "CustomImageCountDeltas"
                GROUP BY "OwnerAccountId", "RegionId", "Status" HAVING count(*) > 1),
            gone AS (
                DELETE FROM "CustomImageCountDeltas" AS d USING many AS m
                WHERE d."OwnerAccountId" = m."OwnerAccountId" AND d."RegionId" = m."RegionId" AND d."Status" = m."Status"
                RETURNING d."OwnerAccountId", d."RegionId", d."Status", d."Delta")
            INSERT INTO "CustomImageCountDeltas" ("OwnerAccountId", "RegionId", "Status", "Delta")
            SELECT "OwnerAccountId", "RegionId", "Status", sum("Delta") FROM gone
            GROUP BY "OwnerAccountId", "RegionId", "Status" HAVING sum("Delta") <> 0
            """, ct);
        await transaction.CommitAsync(ct);
        return written;
    }
}

/// <summary>What narrows a catalogue query beyond its tab and statuses, for <see cref="CustomImageCounts.CountAsync"/>.</summary>
internal enum CatalogueNarrowing
{
    /// <summary>Nothing: the tab and its statuses.</summary>
    None,

    /// <summary>A text search, and nothing else.</summary>
    Search,

    /// <summary>A filter (OS, architecture, family, fee, tag, resource group), with or without a search.</summary>
    Other,
}
