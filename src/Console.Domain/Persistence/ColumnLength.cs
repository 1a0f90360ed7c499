using EcsConsole.Domain.Images;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// How long the values the cloud model stores in many tables are, said once. <see cref="WellKnownColumnsConvention"/>
/// and <see cref="ConsoleDbContext"/>'s conventions apply them; a configuration names them where another column holds
/// the same kind of value. Changing one changes the schema: add a migration.
/// </summary>
internal static class ColumnLength
{
    /// <summary>A cloud account ID: 16 digits.</summary>
    public const int AccountId = 16;

    /// <summary>A region ID (<c>cn-hangzhou</c>) or a zone ID (<c>cn-hangzhou-h</c>).</summary>
    public const int RegionId = 32;

    /// <summary>A resource ID, e.g. <c>i-bp…</c>, <c>s-bp…</c>, <c>t-bp…</c> (<see cref="IdGenerator"/>).</summary>
    public const int ResourceId = 32;

    /// <summary>An image ID: <c>m-…</c>, or the file-like name of a public image.</summary>
    public const int ImageId = 128;

    /// <summary>A resource's name: the longest the name rules allow (images, snapshots and the rest: 128).</summary>
    public const int Name = ImageValidation.MaxNameLength;

    /// <summary>A resource's description: the longest the description rules allow (256).</summary>
    public const int Description = ImageValidation.MaxDescriptionLength;

    /// <summary>An operating system's display name (<see cref="IOsDescription.OsName"/>).</summary>
    public const int OsName = 128;

    /// <summary>An operating system's platform (<see cref="IOsDescription.Platform"/>).</summary>
    public const int Platform = 64;

    /// <summary>An enum, stored by its member's name.</summary>
    public const int EnumName = 16;
}
