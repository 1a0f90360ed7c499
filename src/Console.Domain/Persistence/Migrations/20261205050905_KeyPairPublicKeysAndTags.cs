using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
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
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicKey",
                table: "KeyPairs",
                type: "TEXT",
                maxLength: 8192,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "KeyPairTags",
                columns: table => new
                {
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    KeyPairName = table.Column<string>(type: "TEXT", nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
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
