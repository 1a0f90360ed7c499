using System.Linq.Expressions;
using EcsConsole.Domain.Images;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// Gives the columns many entities share the same length wherever they appear (<see cref="ColumnLength"/>): in every
/// <see cref="IAccountScoped"/> entity the account ID, the region ID, and a string <c>Id</c>, <c>Name</c> and
/// <c>Description</c>; in every <see cref="IOsDescription"/> the OS name and platform. A configuration that says
/// otherwise wins (a quota's name, a bucket's name; <see cref="UnboundedColumns"/>). Entities that are neither say
/// their lengths themselves.
/// </summary>
internal sealed class WellKnownColumnsConvention : IPropertyAddedConvention
{
    private static readonly (Type Owner, string Column, int Length)[] Columns =
    [
        (typeof(IAccountScoped), nameof(IAccountScoped.AccountId), ColumnLength.AccountId),
        (typeof(IAccountScoped), nameof(IAccountScoped.RegionId), ColumnLength.RegionId),
        (typeof(IAccountScoped), nameof(AccountResource.Id), ColumnLength.ResourceId),
        (typeof(IAccountScoped), "Name", ColumnLength.Name),
        (typeof(IAccountScoped), "Description", ColumnLength.Description),
        (typeof(IOsDescription), nameof(IOsDescription.OsName), ColumnLength.OsName),
        (typeof(IOsDescription), nameof(IOsDescription.Platform), ColumnLength.Platform),
    ];

    public void ProcessPropertyAdded(IConventionPropertyBuilder propertyBuilder, IConventionContext<IConventionPropertyBuilder> context)
    {
        var property = propertyBuilder.Metadata;
        if (property.ClrType != typeof(string))
        {
            return;
        }

        foreach (var (owner, column, length) in Columns)
        {
            if (column == property.Name && owner.IsAssignableFrom(property.DeclaringType.ClrType))
            {
                propertyBuilder.HasMaxLength(length);
            }
        }
    }
}

/// <summary>
/// Columns the migrations made without a length although <see cref="WellKnownColumnsConvention"/> gives their name one:
/// the account and region columns of disks, Image Builder rows and image update runs were mapped before it. Bounding
/// them is a schema change (a migration).
/// </summary>
internal static class UnboundedColumns
{
    public static void HasNoMaxLength<TEntity>(this EntityTypeBuilder<TEntity> builder, params Expression<Func<TEntity, string?>>[] columns)
        where TEntity : class
    {
        foreach (var column in columns)
        {
            builder.Property(column).Metadata.SetMaxLength(null);
        }
    }
}
