using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// The database's data version (issue #20, ADR-033): one row whose <see cref="Version"/> is a new random token after
/// every committed change to any table that holds what an answer is made of. Database triggers write it, so no code path
/// (a service, a raw statement, a migration, another node, the world reset) can change the data without changing it.
/// A node may keep an answer made from the data together with the token it read first, and give that answer again only
/// while the database still holds the same token: a cache that speeds answers up and never decides them.
/// <para>Random, not a counter: "the same token" must mean "the same data" even where a whole file is copied back (the
/// SQLite world reset) or a table is restored; a counter could come back to a value it had with other data.</para>
/// </summary>
public sealed class DataVersion
{
    /// <summary>The one row's key.</summary>
    public const int RowId = 1;

    public int Id { get; set; } = RowId;

    /// <summary>New after each committed change: 16 hex digits on SQLite, a UUID's text on PostgreSQL.</summary>
    public string Version { get; set; } = "";
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Version).HasMaxLength(36);
    }
}
