using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AutoSnapshotPolicyTargetTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssociationType",
                table: "AutoSnapshotPolicies",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicyTargetTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoSnapshotPolicyTargetTags", x => new { x.PolicyId, x.TagKey });
                    table.ForeignKey(
                        name: "FK_AutoSnapshotPolicyTargetTags_AutoSnapshotPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "AutoSnapshotPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutoSnapshotPolicyTargetTags");

            migrationBuilder.DropColumn(
                name: "AssociationType",
                table: "AutoSnapshotPolicies");
        }
    }
}
