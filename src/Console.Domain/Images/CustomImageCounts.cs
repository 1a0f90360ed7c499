namespace EcsConsole.Domain.Images;

/// <summary>
/// The number of each account's custom images per region and status, on SQLite (issue #20: the custom tab within 5 ms at
/// 100,000 images). Counting an account's 38,000 images walked 38,000 index entries, about 4 ms on the 2-core machine,
/// for every page of the tab, whatever its order or page. The <c>CustomImageCounts</c> table (migration
/// <c>CatalogueCounts</c>) holds one row per (account, region, status), kept by triggers on <c>Images</c> in the
/// statement that changes the image, so it is the database's own figure, on every node, never a cache. It answers only
/// the tab's count without a search or filter (the page query still reads the images); any other count is the query's
/// own. PostgreSQL counts from its index as before: a counter row there would be one more row lock that concurrent
/// changes of one account's images take in varying order. A later migration that rebuilds <c>Images</c> drops the
/// triggers with the old table: <c>ImageCatalogServiceTests.CustomTabCount_…</c> fails until it recreates them.
/// </summary>
internal static class CustomImageCounts
{
    /// <summary>Whether the counts answer <paramref name="query"/>'s total: SQLite, the custom tab, nothing that narrows it.</summary>
    public static bool Answer(ConsoleDbContext db, ImageListQuery query, bool narrowed) =>
        !narrowed && query.Tab == ImageTab.Custom && db.Database.IsSqlite();

    /// <summary>The account's custom images in the region with one of <paramref name="statuses"/>.</summary>
    public static async Task<int> CountAsync(ConsoleDbContext db, string? account, string regionId, IEnumerable<ImageStatus> statuses,
        CancellationToken ct)
    {
        if (account is null)
        {
            return 0;
        }

        // At most one row per status (stored by name, ConsoleDbContext's enum convention), summed here. A plain command:
        // a query of an unmapped type would need a model of its own beside the compiled one.
        var wanted = statuses.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "Status", "Count" FROM "CustomImageCounts" WHERE "OwnerAccountId" = $account AND "RegionId" = $region
                """;
            command.AddParameter("$account", account);
            command.AddParameter("$region", regionId);
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (wanted.Contains(reader.GetString(0)))
                {
                    total += reader.GetInt32(1);
                }
            }

            return total;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
