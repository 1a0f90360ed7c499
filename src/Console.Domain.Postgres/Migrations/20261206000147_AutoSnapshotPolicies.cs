using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AutoSnapshotPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AutoSnapshotPolicyId",
                table: "Snapshots",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetainUntil",
                table: "Snapshots",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    TimePoints = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false, collation: "C"),
                    RepeatWeekdays = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    NextRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoSnapshotPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiskAutoSnapshotPolicies",
                columns: table => new
                {
                    DiskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    PolicyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiskAutoSnapshotPolicies", x => new { x.DiskId, x.PolicyId });
                });

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicyTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    PolicyId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoSnapshotPolicyTags", x => new { x.PolicyId, x.TagKey });
                    table.ForeignKey(
                        name: "FK_AutoSnapshotPolicyTags_AutoSnapshotPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "AutoSnapshotPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_RetainUntil",
                table: "Snapshots",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_AutoSnapshotPolicies_AccountId_RegionId",
                table: "AutoSnapshotPolicies",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AutoSnapshotPolicies_NextRunAt",
                table: "AutoSnapshotPolicies",
                column: "NextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_DiskAutoSnapshotPolicies_AccountId_RegionId",
                table: "DiskAutoSnapshotPolicies",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_DiskAutoSnapshotPolicies_PolicyId",
                table: "DiskAutoSnapshotPolicies",
                column: "PolicyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutoSnapshotPolicyTags");

            migrationBuilder.DropTable(
                name: "DiskAutoSnapshotPolicies");

            migrationBuilder.DropTable(
                name: "AutoSnapshotPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Snapshots_RetainUntil",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "AutoSnapshotPolicyId",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "RetainUntil",
                table: "Snapshots");
        }
    }
}
