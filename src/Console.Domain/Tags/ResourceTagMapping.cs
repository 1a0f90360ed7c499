using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Tags;

/// <summary>A tag of a resource: a key (unique on its resource) and a value, as ECS's <c>Tag.N.Key</c>/<c>Tag.N.Value</c>.</summary>
public interface IResourceTag
{
    string TagKey { get; }

    string TagValue { get; }
}

/// <summary>
/// How a resource's tags are stored: a table of their own, keyed by the owner's key and the tag key, with ECS's 128-character
/// key and value (one mapping for key pairs, disks, snapshots and snapshot policies).
/// </summary>
internal static class ResourceTagMapping
{
    public static void OwnsTags<TOwner, TTag>(this EntityTypeBuilder<TOwner> builder, Expression<Func<TOwner, IEnumerable<TTag>?>> tags,
        string table, params string[] ownerKey)
        where TOwner : class
        where TTag : class, IResourceTag =>
        builder.OwnsMany(tags, t =>
        {
            t.ToTable(table);
            t.WithOwner().HasForeignKey(ownerKey);
            t.HasKey([.. ownerKey, nameof(IResourceTag.TagKey)]);
            t.Property(x => x.TagKey).HasMaxLength(128);
            t.Property(x => x.TagValue).HasMaxLength(128);
        });
}
