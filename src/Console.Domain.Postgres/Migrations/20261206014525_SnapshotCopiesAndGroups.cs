using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SnapshotGroupId",
                table: "Snapshots",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SourceRegionId",
                table: "Snapshots",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SourceSnapshotId",
                table: "Snapshots",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "SnapshotGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    InstanceId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
