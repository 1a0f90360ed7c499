using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstancesAndKeyPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeletionProtection",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "KeyPairName",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PasswordSet",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PeriodMonths",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KeyPairs",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FingerPrint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPairs", x => new { x.AccountId, x.RegionId, x.Name });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyPairs");

            migrationBuilder.DropColumn(
                name: "DeletionProtection",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "KeyPairName",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "PasswordSet",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "PeriodMonths",
                table: "Instances");
        }
    }
}
