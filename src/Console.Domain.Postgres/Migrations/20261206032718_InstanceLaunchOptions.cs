using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InstanceLaunchOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AutoReleaseTime",
                table: "Instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HttpEndpoint",
                table: "Instances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "HttpPutResponseHopLimit",
                table: "Instances",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HttpTokens",
                table: "Instances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "InternetChargeType",
                table: "Instances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthIn",
                table: "Instances",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthOut",
                table: "Instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SpotDuration",
                table: "Instances",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpotInterruptionBehavior",
                table: "Instances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<decimal>(
                name: "SpotPriceLimit",
                table: "Instances",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpotStrategy",
                table: "Instances",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "StoppedMode",
                table: "Instances",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Instances",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "UserData",
                table: "Instances",
                type: "text",
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoReleaseTime",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpEndpoint",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpPutResponseHopLimit",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpTokens",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InternetChargeType",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InternetMaxBandwidthIn",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InternetMaxBandwidthOut",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SpotDuration",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SpotInterruptionBehavior",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SpotPriceLimit",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SpotStrategy",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "StoppedMode",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "UserData",
                table: "Instances");
        }
    }
}
