using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DiskAttributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttachedTime",
                table: "Disks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Disks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DetachedTime",
                table: "Disks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Disks",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PerformanceLevel",
                table: "Disks",
                type: "TEXT",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachedTime",
                table: "Disks");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Disks");

            migrationBuilder.DropColumn(
                name: "DetachedTime",
                table: "Disks");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Disks");

            migrationBuilder.DropColumn(
                name: "PerformanceLevel",
                table: "Disks");
        }
    }
}
