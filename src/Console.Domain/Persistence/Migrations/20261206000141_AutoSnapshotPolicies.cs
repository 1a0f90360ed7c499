using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetainUntil",
                table: "Snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TimePoints = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    RepeatWeekdays = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: true),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoSnapshotPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiskAutoSnapshotPolicies",
                columns: table => new
                {
                    DiskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiskAutoSnapshotPolicies", x => new { x.DiskId, x.PolicyId });
                });

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicyTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
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
