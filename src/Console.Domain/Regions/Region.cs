namespace EcsConsole.Domain.Regions;

/// <summary>An Alibaba Cloud region, e.g. <c>cn-hangzhou</c>. <see cref="Infix"/> starts every resource ID made in it.</summary>
public sealed class Region
{
    public const string DefaultRegionId = "cn-hangzhou";

    public required string Id { get; init; }

    /// <summary>English display name, e.g. <c>China (Hangzhou)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The region fragment of resource IDs (<c>bp</c> for cn-hangzhou).</summary>
    public required string Infix { get; init; }

    public int SortOrder { get; init; }

    public List<Zone> Zones { get; init; } = [];
}

/// <summary>An availability zone of a region, e.g. <c>cn-hangzhou-h</c>.</summary>
public sealed class Zone
{
    public required string Id { get; init; }

    public required string RegionId { get; init; }

    /// <summary>English display name, e.g. <c>Hangzhou Zone H</c>.</summary>
    public required string Name { get; init; }
}
