using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DiskAttributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttachedTime",
                table: "Disks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Disks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DetachedTime",
                table: "Disks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Disks",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PerformanceLevel",
                table: "Disks",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C");
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
