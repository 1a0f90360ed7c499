using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Accounts;

internal sealed class AccountConfiguration :
    IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<AccountMembership>, IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(ColumnLength.AccountId);
        builder.Property(a => a.Name).HasMaxLength(ColumnLength.Name);
        builder.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AccountId);
    }

    public void Configure(EntityTypeBuilder<AccountMembership> builder)
    {
        builder.HasKey(m => new { m.AccountId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<ConsoleUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.HasIndex(k => k.UserId);
        builder.HasOne<ConsoleUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
