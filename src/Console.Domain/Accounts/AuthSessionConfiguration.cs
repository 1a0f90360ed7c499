using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Accounts;

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(AuthSession.IdLength);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<ConsoleUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
