using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientTokenClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientTokenClaims",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Fingerprint = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false, collation: "C"),
                    ClaimId = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false, collation: "C"),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HttpStatus = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientTokenClaims", x => new { x.AccountId, x.Action, x.Token });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTokenClaims_ClaimedAt",
                table: "ClientTokenClaims",
                column: "ClaimedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientTokenClaims");
        }
    }
}
