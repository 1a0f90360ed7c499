using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResourceGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Snapshots",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "KeyPairs",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Images",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "ImagePipelines",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "ImageComponents",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Disks",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "ResourceGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    AccountId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    CreationTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceGroups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceGroups_AccountId_Name",
                table: "ResourceGroups",
                columns: new[] { "AccountId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceGroups");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "KeyPairs");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "Images");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "ImagePipelines");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "ImageComponents");

            migrationBuilder.DropColumn(
                name: "ResourceGroupId",
                table: "Disks");
        }
    }
}
