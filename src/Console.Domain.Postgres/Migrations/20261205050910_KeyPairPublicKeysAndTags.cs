using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeyPairPublicKeysAndTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyPairId",
                table: "KeyPairs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PublicKey",
                table: "KeyPairs",
                type: "character varying(8192)",
                maxLength: 8192,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateTable(
                name: "KeyPairTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", nullable: false, collation: "C"),
                    RegionId = table.Column<string>(type: "character varying(32)", nullable: false, collation: "C"),
                    KeyPairName = table.Column<string>(type: "character varying(128)", nullable: false, collation: "C"),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyPairTags", x => new { x.AccountId, x.RegionId, x.KeyPairName, x.TagKey });
                    table.ForeignKey(
                        name: "FK_KeyPairTags_KeyPairs_AccountId_RegionId_KeyPairName",
                        columns: x => new { x.AccountId, x.RegionId, x.KeyPairName },
                        principalTable: "KeyPairs",
                        principalColumns: new[] { "AccountId", "RegionId", "Name" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyPairTags");

            migrationBuilder.DropColumn(
                name: "KeyPairId",
                table: "KeyPairs");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "KeyPairs");
        }
    }
}
