using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "AutoSnapshotPolicyTargetTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    PolicyId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
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
