using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CopyEncrypted",
                table: "AutoSnapshotPolicies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "EnableCrossRegionCopy",
                table: "AutoSnapshotPolicies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TargetCopyRegions",
                table: "AutoSnapshotPolicies",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "DiskTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    DiskId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
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
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    SnapshotId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
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
