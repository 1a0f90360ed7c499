using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SnapshotAndDiskTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopiedSnapshotsRetentionDays",
                table: "AutoSnapshotPolicies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CopyEncrypted",
                table: "AutoSnapshotPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "EnableCrossRegionCopy",
                table: "AutoSnapshotPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TargetCopyRegions",
                table: "AutoSnapshotPolicies",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DiskTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DiskId = table.Column<string>(type: "TEXT", nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiskTags", x => new { x.DiskId, x.TagKey });
                    table.ForeignKey(
                        name: "FK_DiskTags_Disks_DiskId",
                        column: x => x.DiskId,
                        principalTable: "Disks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SnapshotId = table.Column<string>(type: "TEXT", nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotTags", x => new { x.SnapshotId, x.TagKey });
                    table.ForeignKey(
                        name: "FK_SnapshotTags_Snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "Snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiskTags");

            migrationBuilder.DropTable(
                name: "SnapshotTags");

            migrationBuilder.DropColumn(
                name: "CopiedSnapshotsRetentionDays",
                table: "AutoSnapshotPolicies");

            migrationBuilder.DropColumn(
                name: "CopyEncrypted",
                table: "AutoSnapshotPolicies");

            migrationBuilder.DropColumn(
                name: "EnableCrossRegionCopy",
                table: "AutoSnapshotPolicies");

            migrationBuilder.DropColumn(
                name: "TargetCopyRegions",
                table: "AutoSnapshotPolicies");
        }
    }
}
