using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceLaunchOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AutoReleaseTime",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HttpEndpoint",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HttpPutResponseHopLimit",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HttpTokens",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternetChargeType",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthIn",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthOut",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SpotDuration",
                table: "Instances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpotInterruptionBehavior",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SpotPriceLimit",
                table: "Instances",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpotStrategy",
                table: "Instances",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoppedMode",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Instances",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "UserData",
                table: "Instances",
                type: "TEXT",
                nullable: true);
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
