using EcsConsole.Domain.Tags;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Snapshots;

/// <summary>
/// An automatic snapshot policy (SNP-01, SNP-12; docs/rules/auto-snapshot-policies.md): at its hours (UTC+8, as ECS
/// reads <c>timePoints</c>) on its weekdays it takes an <c>auto</c> snapshot of each disk it is applied to, and each such
/// snapshot is released when its retention days have passed. <see cref="NextRunAt"/> is the one truth of what was already
/// taken: a run moves it on in the same transaction as the snapshots it makes, so several nodes take each run once.
/// </summary>
public sealed class AutoSnapshotPolicy : AccountResource
{
    public required string Name { get; set; }

    /// <summary>The hours of the day (0–23, UTC+8), ascending, comma-separated (<c>2,14</c>).</summary>
    public required string TimePoints { get; set; }

    /// <summary>The days of the week (1 = Monday … 7 = Sunday, UTC+8), ascending, comma-separated.</summary>
    public required string RepeatWeekdays { get; set; }

    /// <summary>How many days an automatic snapshot of the policy is kept; -1 keeps it until deleted.</summary>
    public int RetentionDays { get; set; } = -1;

    /// <summary>The resource group it is in (<see cref="ResourceGroups.ResourceGroupRules"/>); null reads as its account's default.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>When the policy next takes its snapshots (UTC).</summary>
    public DateTimeOffset NextRunAt { get; set; }

    public List<AutoSnapshotPolicyTag> Tags { get; init; } = [];

    /// <summary>ASP-04: whether the policy's snapshots are to be copied to <see cref="TargetCopyRegions"/>.</summary>
    public bool EnableCrossRegionCopy { get; set; }

    /// <summary>ASP-04: the region the copies go to (ECS takes one), or null.</summary>
    public string? TargetCopyRegions { get; set; }

    /// <summary>ASP-04: the days a copy is kept; null (or -1) keeps it until deleted.</summary>
    public int? CopiedSnapshotsRetentionDays { get; set; }

    /// <summary>ASP-04: whether the copies are encrypted.</summary>
    public bool CopyEncrypted { get; set; }

    /// <summary>
    /// SDP-15: <c>AssociatedWithInstanceTag</c> when the policy covers the disks of the instances carrying its
    /// <see cref="TargetTags"/>; null is <c>AssociatedWithDisk</c> (the disks it is applied to).
    /// </summary>
    public string? AssociationType { get; set; }

    /// <summary>SDP-15: the tags an instance must carry (an empty value matches any) for the policy to cover its disks.</summary>
    public List<AutoSnapshotPolicyTargetTag> TargetTags { get; init; } = [];

    /// <summary>Whether the policy covers the disks of the instances carrying its <see cref="TargetTags"/> (SDP-15).</summary>
    public bool ByInstanceTag => AssociationType == AutoSnapshotPolicyService.AssociatedWithInstanceTag;

    /// <summary>The hours, as numbers.</summary>
    public IReadOnlyList<int> Hours => AutoSnapshotSchedule.Parse(TimePoints);

    /// <summary>The weekdays, as numbers (1 = Monday).</summary>
    public IReadOnlyList<int> Weekdays => AutoSnapshotSchedule.Parse(RepeatWeekdays);
}

/// <summary>A tag on a policy (<c>Tag.N</c> of CreateAutoSnapshotPolicy; the image tag rules).</summary>
public sealed class AutoSnapshotPolicyTag : IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}

/// <summary>SDP-15: a tag of <c>TargetTags</c> (an empty value matches any value of the key).</summary>
public sealed class AutoSnapshotPolicyTargetTag : IResourceTag
{
    public required string TagKey { get; init; }

    public string TagValue { get; init; } = "";
}

/// <summary>A policy applied to a disk (ApplyAutoSnapshotPolicy): a disk carries at most <see cref="AutoSnapshotPolicyService.MaxPoliciesPerDisk"/>.</summary>
public sealed class DiskAutoSnapshotPolicy : IAccountScoped
{
    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string DiskId { get; init; }

    public required string PolicyId { get; init; }

    public DateTimeOffset AppliedAt { get; init; }
}

/// <summary>When a policy runs: the hours and weekdays are read in UTC+8, ECS's time for <c>timePoints</c>.</summary>
public static class AutoSnapshotSchedule
{
    /// <summary>ECS reads a policy's hours and weekdays in China Standard Time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The first whole hour strictly after <paramref name="after"/> that is one of the policy's hours on one of its weekdays.</summary>
    public static DateTimeOffset Next(DateTimeOffset after, IReadOnlyList<int> hours, IReadOnlyList<int> weekdays)
    {
        var local = after.ToOffset(Offset);
        var hour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, Offset).AddHours(1);
        for (var i = 0; i < 24 * 8; i++, hour = hour.AddHours(1))
        {
            var weekday = hour.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)hour.DayOfWeek;
            if (hours.Contains(hour.Hour) && weekdays.Contains(weekday))
            {
                return hour.ToUniversalTime();
            }
        }

        return DateTimeOffset.MaxValue; // no hour or no weekday: never (CreateAutoSnapshotPolicy refuses such a policy)
    }

    /// <summary><c>2,14</c> as numbers.</summary>
    public static IReadOnlyList<int> Parse(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Numbers as stored: distinct, ascending, comma-separated.</summary>
    public static string Store(IEnumerable<int> values) => string.Join(',', values.Distinct().Order());

    /// <summary>As ECS answers them: a JSON array of strings (<c>["2","14"]</c>).</summary>
    public static string Json(string stored) => System.Text.Json.JsonSerializer.Serialize(Parse(stored).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

internal sealed class AutoSnapshotPolicyConfiguration : IEntityTypeConfiguration<AutoSnapshotPolicy>
{
    public void Configure(EntityTypeBuilder<AutoSnapshotPolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TimePoints).HasMaxLength(96);
        builder.Property(p => p.RepeatWeekdays).HasMaxLength(16);
        builder.HasIndex(p => new { p.AccountId, p.RegionId });
        builder.HasIndex(p => p.NextRunAt);
        builder.Property(p => p.TargetCopyRegions).HasMaxLength(64);
        builder.OwnsTags(p => p.Tags, "AutoSnapshotPolicyTags", "PolicyId");
        builder.Property(p => p.AssociationType).HasMaxLength(32);
        builder.OwnsTags(p => p.TargetTags, "AutoSnapshotPolicyTargetTags", "PolicyId");
    }
}

internal sealed class DiskAutoSnapshotPolicyConfiguration : IEntityTypeConfiguration<DiskAutoSnapshotPolicy>
{
    public void Configure(EntityTypeBuilder<DiskAutoSnapshotPolicy> builder)
    {
        builder.HasKey(a => new { a.DiskId, a.PolicyId });
        builder.Property(a => a.DiskId).HasMaxLength(64);
        builder.Property(a => a.PolicyId).HasMaxLength(64);
        builder.HasIndex(a => a.PolicyId);
        builder.HasIndex(a => new { a.AccountId, a.RegionId });
    }
}
