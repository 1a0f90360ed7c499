using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// A snapshot-consistent group (SNP-11): snapshots of up to 16 ESSD-family disks of one zone, taken together. Its
/// snapshots carry its ID (<see cref="Snapshot.SnapshotGroupId"/>) and are kept until the group (or they) are deleted;
/// its status is read from theirs (<see cref="SnapshotGroupStatus"/>).
/// </summary>
public sealed class SnapshotGroup : AccountResource
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The instance named by CreateSnapshotGroup, or null when only disks were named.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The resource group it is in; null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }
}

/// <summary>A group's status as ECS spells it: <c>progressing</c> while a snapshot is, <c>failed</c> when one failed, else <c>accomplished</c>.</summary>
public static class SnapshotGroupStatus
{
    public static string Of(IEnumerable<SnapshotStatus> snapshots)
    {
        var statuses = snapshots.ToList();
        return statuses.Contains(SnapshotStatus.Failed) ? "failed"
            : statuses.Contains(SnapshotStatus.Progressing) ? "progressing"
            : "accomplished";
    }
}

internal sealed class SnapshotGroupConfiguration : IEntityTypeConfiguration<SnapshotGroup>
{
    public void Configure(EntityTypeBuilder<SnapshotGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => new { g.AccountId, g.RegionId });
    }
}
