using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Persistence.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "KeyPairs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Images",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "ImagePipelines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "ImageComponents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResourceGroupId",
                table: "Disks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResourceGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false)
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
