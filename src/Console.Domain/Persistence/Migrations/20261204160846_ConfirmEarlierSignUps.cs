using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <summary>
    /// Self-registered users now confirm their email before signing in (RequireConfirmedAccount). Those who signed up
    /// before, when sign-ups were usable at once and nobody confirmed, are confirmed here so they keep signing in. Demo
    /// users and members added by admins were created confirmed already; a fresh database has no user yet.
    /// </summary>
    public partial class ConfirmEarlierSignUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = 1 WHERE \"EmailConfirmed\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: which users were confirmed by Up is not recorded, and confirmed users are valid either way.
        }
    }
}
