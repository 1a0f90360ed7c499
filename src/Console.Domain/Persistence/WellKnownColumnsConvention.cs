using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EcsConsole.Domain.Persistence;

/// <summary>
/// Gives the columns every <see cref="IAccountScoped"/> entity has the same lengths wherever they appear: the account
/// ID, the region ID, and a string <c>Id</c>, <c>Name</c> and <c>Description</c> (<see cref="ColumnLength"/>). A
/// configuration that says otherwise wins (a quota's name, a bucket's name; <see cref="UnboundedColumns"/>). Entities
/// that are not <see cref="IAccountScoped"/> say their lengths themselves.
/// </summary>
internal sealed class WellKnownColumnsConvention : IPropertyAddedConvention
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        [nameof(IAccountScoped.AccountId)] = ColumnLength.AccountId,
        [nameof(IAccountScoped.RegionId)] = ColumnLength.RegionId,
        [nameof(AccountResource.Id)] = ColumnLength.ResourceId,
        ["Name"] = ColumnLength.Name,
        ["Description"] = ColumnLength.Description,
    };

    public void ProcessPropertyAdded(IConventionPropertyBuilder propertyBuilder, IConventionContext<IConventionPropertyBuilder> context)
    {
        var property = propertyBuilder.Metadata;
        if (property.ClrType == typeof(string)
            && typeof(IAccountScoped).IsAssignableFrom(property.DeclaringType.ClrType)
            && Lengths.TryGetValue(property.Name, out var length))
        {
            propertyBuilder.HasMaxLength(length);
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
