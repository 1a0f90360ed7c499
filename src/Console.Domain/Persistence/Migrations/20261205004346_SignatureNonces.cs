using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SignatureNonces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignatureNonces",
                columns: table => new
                {
                    AccessKeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NonceHash = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignatureNonces", x => new { x.AccessKeyId, x.NonceHash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignatureNonces_ExpiresAt",
                table: "SignatureNonces",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignatureNonces");
        }
    }
}
