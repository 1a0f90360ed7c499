using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SnapshotCopiesAndGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RetentionDays",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SnapshotGroupId",
                table: "Snapshots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceRegionId",
                table: "Snapshots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceSnapshotId",
                table: "Snapshots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SnapshotGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: true),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotGroups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_SnapshotGroupId",
                table: "Snapshots",
                column: "SnapshotGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotGroups_AccountId_RegionId",
                table: "SnapshotGroups",
                columns: new[] { "AccountId", "RegionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SnapshotGroups");

            migrationBuilder.DropIndex(
                name: "IX_Snapshots_SnapshotGroupId",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "RetentionDays",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SnapshotGroupId",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SourceRegionId",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SourceSnapshotId",
                table: "Snapshots");
        }
    }
}
